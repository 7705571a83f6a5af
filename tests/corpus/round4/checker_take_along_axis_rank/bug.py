"""take_along_axis with indices of a lower rank than x."""
import typedflux as tf

x = tf.randn(4, 6)
idx = tf.argmax(x, axis=1)
best = tf.take_along_axis(x, idx, axis=1)  # BUG  # E: Cannot index for "take_along_axis": x has Tensor[4, 6], indices has Tensor[4]; need equal ranks (2 vs 1)  [shape]
print(best.shape)
