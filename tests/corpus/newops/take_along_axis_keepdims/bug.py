"""Top-1 values via take_along_axis, with argmax indices that dropped the axis."""
import typedflux as tf

logits = tf.randn(3, 5)
idx = tf.argmax(logits, axis=-1)
top = tf.take_along_axis(logits, idx, axis=-1)  # BUG  # E: Cannot index for "take_along_axis": x has Tensor[3, 5], indices has Tensor[3]; need equal ranks (2 vs 1)  [shape]
print(top.shape)
