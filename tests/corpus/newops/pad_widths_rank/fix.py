"""Images are zero-padded with one (before, after) pair per spatial axis only."""
import typedflux as tf

images = tf.randn(2, 3, 6, 6)
padded = tf.pad(images, ((0, 0), (0, 0), (1, 1), (1, 1)))
print(padded.shape)
