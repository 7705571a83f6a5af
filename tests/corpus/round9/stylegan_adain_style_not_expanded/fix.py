"""AdaIN: the style vector gives a scale and a bias per channel, which must be broadcast over
the feature map's height and width."""
import typedflux as tf
from typedflux import Dense, InstanceNorm

C, WDIM = 32, 64
style = Dense(WDIM, 2 * C)
norm = InstanceNorm(C)
x = tf.randn(2, C, 8, 8)
w = tf.randn(2, WDIM)
scale, bias = tf.chunk(style(w), 2)
out = norm(x) * (1 + scale[:, :, None, None]) + bias[:, :, None, None]
print(out.shape)
