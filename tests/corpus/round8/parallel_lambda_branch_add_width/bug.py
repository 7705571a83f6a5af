"""A Parallel(tf.add, ...) whose first branch is a lambda scaling its input and whose
second widens it: the two cannot be added."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

model = Chain(
    Dense(8, 16, relu),
    Parallel(tf.add, lambda h: h * 0.5, Dense(16, 32)),
    Dense(16, 3),
)
print(model(tf.randn(4, 8)).shape)  # BUG  # E: Chain layer 2 Parallel(add, <lambda>, Dense(16 => 32)): Cannot broadcast for "add": xs[0] has Tensor[4, 16], xs[1] has Tensor[4, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]  # N: input to layer 2: Tensor[4, 16]
