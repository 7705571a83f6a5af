"""A decoder upsamples by 2 with Upsample and adds the skip of another resolution."""
import typedflux as tf
from typedflux import Upsample

coarse = tf.randn(1, 4, 6, 6)
skip = tf.randn(1, 4, 12, 12)
print((Upsample(2)(coarse) + skip).shape)
