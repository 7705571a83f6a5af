"""A strided conv halves the image; the skip path is added without downsampling."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 8, 8)
down = Conv((3, 3), 4, 4, stride=2, pad=1)
skip = x[:, :, ::2, ::2]
print((down(x) + skip).shape)
