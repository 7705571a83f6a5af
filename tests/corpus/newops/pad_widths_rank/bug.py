"""Images are zero-padded with one (before, after) pair per spatial axis only."""
import typedflux as tf

images = tf.randn(2, 3, 6, 6)
padded = tf.pad(images, ((1, 1), (1, 1)))  # BUG  # E: Cannot pad for "pad": x has Tensor[2, 3, 6, 6], widths is ((1, 1), (1, 1)); need one (before, after) pair per axis (2 given for rank 4)  [shape]
print(padded.shape)
