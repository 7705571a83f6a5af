"""A strided conv halves the image; the skip path is added without downsampling."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 8, 8)
down = Conv((3, 3), 4, 4, stride=2, pad=1)
skip = x
print((down(x) + skip).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 4, 4, 4], y has Tensor[1, 4, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]
