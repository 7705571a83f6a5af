"""Per-row picks with gather: the index is a flat vector instead of a column."""
import typedflux as tf

scores = tf.randn(4, 6)
picked = tf.argmax(scores, axis=1)
best = tf.gather(scores, 1, picked.reshape(4, 1))
print(best.shape)
