"""A feature pyramid adds an upsampled coarse map to a fine map of another size."""
import typedflux as tf
from typedflux import Conv, ConvTranspose

fine = tf.randn(1, 8, 12, 12)
coarse = Conv((3, 3), 8, 8, stride=2, pad=1)(fine)
up = ConvTranspose((3, 3), 8, 8, stride=2)(coarse)
print((fine + up).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 8, 12, 12], y has Tensor[1, 8, 13, 13]; need equal sizes or 1 at axis -2 (12 vs 13)  [shape]
