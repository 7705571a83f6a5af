"""A padding mask [B, T] expanded at the wrong axis before broadcasting with [B, H, T, T] scores."""
import typedflux as tf

scores = tf.randn(2, 4, 6, 6)
pad = tf.ones(2, 6) > 0
m = pad[:, :, None, None]
att = tf.where(m, scores, -1e9)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[2, 6, 1, 1], x has Tensor[2, 4, 6, 6]; need equal sizes or 1 at axis -3 (6 vs 4)  [shape]
print(att.shape)
