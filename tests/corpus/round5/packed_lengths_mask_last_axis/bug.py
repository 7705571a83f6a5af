"""Masking padded steps: the [B, T] mask needs a feature axis to scale [B, T, H] outputs."""
import typedflux as tf
from typedflux import GRU

gru = GRU(4, 8)
x = tf.randn(3, 5, 4)
lengths = tf.tensor([3, 5, 2])
mask = tf.arange(5).reshape(1, 5) < lengths.reshape(3, 1)
y = gru(x) * mask  # BUG  # E: Cannot broadcast for "mul": x has Tensor[3, 5, 8], y has Tensor[3, 5]; need equal sizes or 1 at axis -2 (5 vs 3); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(y.sum(axis=1).shape)
