"""Top-1 values via take_along_axis, with argmax indices that dropped the axis."""
import typedflux as tf

logits = tf.randn(3, 5)
idx = tf.argmax(logits, axis=-1, keepdims=True)
top = tf.take_along_axis(logits, idx, axis=-1)
print(top.shape)
