"""A temporal conv block: causal padding for dilation 2 must be 4 rows, so the residual fits."""
import typedflux as tf
from typedflux import Conv, relu

x = tf.randn(2, 8, 20, 1)
conv = Conv((3, 1), 8, 8, relu, dilation=2, pad=(2, 0, 0, 0))
y = x + conv(x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 8, 20, 1], y has Tensor[2, 8, 18, 1]; need equal sizes or 1 at axis -2 (20 vs 18)  [shape]
print(y.shape)
