"""ESRGAN's residual dense block: conv i takes the input's nf channels plus the gc channels of
each earlier conv (nf + i*gc); the third conv was built taking nf + gc."""
import typedflux as tf
from typedflux import Conv, leakyrelu

nf, gc = 16, 8
conv1 = Conv((3, 3), nf, gc, pad=1)
conv2 = Conv((3, 3), nf + gc, gc, pad=1)
conv3 = Conv((3, 3), nf + 2 * gc, gc, pad=1)
conv4 = Conv((3, 3), nf + 3 * gc, nf, pad=1)
x = tf.randn(1, nf, 8, 8)
x1 = leakyrelu(conv1(x))
x2 = leakyrelu(conv2(tf.cat(x, x1, axis=1)))
x3 = leakyrelu(conv3(tf.cat(x, x1, x2, axis=1)))
x4 = conv4(tf.cat(x, x1, x2, x3, axis=1))
print((x + 0.2 * x4).shape)
