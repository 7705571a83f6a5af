"""A temporal conv block: causal padding for dilation 2 must be 4 rows, so the residual fits."""
import typedflux as tf
from typedflux import Conv, relu

x = tf.randn(2, 8, 20, 1)
conv = Conv((3, 1), 8, 8, relu, dilation=2, pad=(4, 0, 0, 0))
y = x + conv(x)
print(y.shape)
