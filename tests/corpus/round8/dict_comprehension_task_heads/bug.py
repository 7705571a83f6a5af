"""A multi-task model builds its heads by a dict comprehension over a module-level table of
class counts; the trunk's width differs from the heads'."""
import typedflux as tf
from typedflux import Chain, Dense, relu

TASKS = {"species": 7, "habitat": 3}
trunk = Chain(Dense(10, 48, relu), Dense(48, 24, relu))
heads = {name: Dense(48, n) for name, n in TASKS.items()}
h = trunk(tf.randn(5, 10))
print(heads["species"](h).shape)  # BUG  # E: Dense(48 => ?) expects input Tensor[..., 48], got Tensor[5, 24]; need size 48 at axis -1 (got 24)  [shape]
