"""Masking padded steps: the [B, T] mask needs a feature axis to scale [B, T, H] outputs."""
import typedflux as tf
from typedflux import GRU

gru = GRU(4, 8)
x = tf.randn(3, 5, 4)
lengths = tf.tensor([3, 5, 2])
mask = tf.arange(5).reshape(1, 5) < lengths.reshape(3, 1)
y = gru(x) * mask[:, :, None]
print(y.sum(axis=1).shape)
