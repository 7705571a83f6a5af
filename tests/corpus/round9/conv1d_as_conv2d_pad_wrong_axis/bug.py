"""A 1-D conv over time written as Conv((1, 3)) on (B, C, 1, T); its padding was given to the
height axis (size 1) instead of time, so the map grows 2 rows and loses 2 steps."""
import typedflux as tf
from typedflux import Conv, relu

conv = Conv((1, 3), 16, 32, relu, pad=(1, 0))
x = tf.randn(2, 16, 50)
h = conv(x[:, :, None, :])
seq = h[:, :, 0, :]
residual = seq + tf.randn(2, 32, 50)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 32, 48], y has Tensor[2, 32, 50]; need equal sizes or 1 at axis -1 (48 vs 50)  [shape]
print(residual.shape)
