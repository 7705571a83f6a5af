"""A padding mask [B, T] expanded at the wrong axis before broadcasting with [B, H, T, T] scores."""
import typedflux as tf

scores = tf.randn(2, 4, 6, 6)
pad = tf.ones(2, 6) > 0
m = pad[:, None, None, :]
att = tf.where(m, scores, -1e9)
print(att.shape)
