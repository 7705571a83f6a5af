"""A Conformer convolution module: a pointwise conv doubles the channels, the GLU halves
them, then a depthwise conv; the depthwise conv was built for the doubled width."""
import typedflux as tf
from typedflux import BatchNorm, Conv, swish

D = 32
pointwise1 = Conv((1, 1), D, 2 * D)
depthwise = Conv((1, 31), D, D, pad=(0, 15), groups=D)
norm = BatchNorm(D)
pointwise2 = Conv((1, 1), D, D)

x = tf.randn(2, 40, D)
h = tf.swapaxes(x, 1, 2)[:, :, None, :]
a, g = tf.chunk(pointwise1(h), 2, axis=1)
h = a * tf.sigmoid(g)
h = depthwise(h)
h = pointwise2(swish(norm(h)))
print(tf.swapaxes(h[:, :, 0, :], 1, 2).shape)
