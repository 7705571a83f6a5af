"""A decoder upsamples 7 -> 13 instead of 14: the transposed conv needs an output padding."""
import typedflux as tf
from typedflux import ConvTranspose

up = ConvTranspose((3, 3), 16, 8, stride=2, pad=1, outpad=1)
skip = tf.randn(1, 8, 14, 14)
print((up(tf.randn(1, 16, 7, 7)) + skip).shape)
