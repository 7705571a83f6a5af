"""A decoder upsamples by 2 with Upsample and adds the skip of another resolution."""
import typedflux as tf
from typedflux import Upsample

coarse = tf.randn(1, 4, 6, 6)
skip = tf.randn(1, 4, 13, 13)
print((Upsample(2)(coarse) + skip).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 4, 12, 12], y has Tensor[1, 4, 13, 13]; need equal sizes or 1 at axis -2 (12 vs 13)  [shape]
