"""NHWC images are permuted to NCHW with the wrong axis order before a conv."""
import typedflux as tf
from typedflux import Conv

conv = Conv((3, 3), 3, 8, pad=1)
nhwc = tf.randn(2, 6, 6, 3)
nchw = nhwc.transpose(0, 2, 1, 3)
print(conv(nchw).shape)  # BUG  # E: Conv((3, 3), 3 => 8, pad=1) expects input Tensor[B, 3, H, W], got Tensor[2, 6, 6, 3]; need size 3 at axis 1 (got 6)  [shape]
