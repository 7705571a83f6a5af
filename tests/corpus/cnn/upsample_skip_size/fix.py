"""A feature pyramid adds an upsampled coarse map to a fine map of another size."""
import typedflux as tf
from typedflux import Conv, ConvTranspose

fine = tf.randn(1, 8, 12, 12)
coarse = Conv((3, 3), 8, 8, stride=2, pad=1)(fine)
up = ConvTranspose((2, 2), 8, 8, stride=2)(coarse)
print((fine + up).shape)
