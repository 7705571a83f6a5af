"""An MLP built by a comprehension that leaves the last layer linear with a conditional;
the widths list repeats a size, so one layer does not follow the one before."""
import typedflux as tf
from typedflux import Chain, Dense, identity, relu

WIDTHS = [10, 32, 32, 16, 4]
pairs = [(10, 32), (32, 32), (64, 16), (16, 4)]
model = Chain(*[Dense(a, b, relu if i < 3 else identity) for i, (a, b) in enumerate(pairs)])  # BUG  # E: Chain layer 3 Dense(64 => 16, ?) expects input Tensor[..., 64], but layer 2 Dense(32 => 32, ?) produces Tensor[B, 32]; change Dense(64 => 16, ?) to Dense(32 => 16, ?)  [shape]
print(model(tf.randn(2, 10)).shape)
