"""A decoder upsamples 7 -> 13 instead of 14: the transposed conv needs an output padding."""
import typedflux as tf
from typedflux import ConvTranspose

up = ConvTranspose((3, 3), 16, 8, stride=2, pad=1)
skip = tf.randn(1, 8, 14, 14)
print((up(tf.randn(1, 16, 7, 7)) + skip).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 8, 13, 13], y has Tensor[1, 8, 14, 14]; need equal sizes or 1 at axis -2 (13 vs 14)  [shape]
