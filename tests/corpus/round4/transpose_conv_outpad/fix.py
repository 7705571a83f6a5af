"""A decoder ConvTranspose doubles 7 to 13 without outpad; concatenating with the 14x14 skip fails."""
import typedflux as tf
from typedflux import ConvTranspose

deep = tf.randn(2, 16, 7, 7)
skip = tf.randn(2, 8, 14, 14)
up = ConvTranspose((3, 3), 16, 8, stride=2, pad=1, outpad=1)(deep)
merged = tf.cat(up, skip, axis=1)
print(merged.shape)
