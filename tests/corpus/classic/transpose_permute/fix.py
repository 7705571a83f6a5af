"""NHWC images are permuted to NCHW with the wrong axis order before a conv."""
import typedflux as tf
from typedflux import Conv

conv = Conv((3, 3), 3, 8, pad=1)
nhwc = tf.randn(2, 6, 6, 3)
nchw = nhwc.transpose(0, 3, 1, 2)
print(conv(nchw).shape)
