"""Per-row picks with gather: the index is a flat vector instead of a column."""
import typedflux as tf

scores = tf.randn(4, 6)
picked = tf.argmax(scores, axis=1)
best = tf.gather(scores, 1, picked)  # BUG  # E: Cannot index for "gather": x has Tensor[4, 6], index has Tensor[4]; need equal ranks (2 vs 1)  [shape]
print(best.shape)
