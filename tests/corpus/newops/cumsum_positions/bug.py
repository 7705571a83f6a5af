"""Positions from a cumulative sum over the padding mask, added to embeddings of another length."""
import typedflux as tf

mask = tf.ones(2, 6)
positions = tf.cumsum(mask, axis=1) - 1
emb = tf.randn(2, 5, 4)
print((emb * positions.reshape(2, 6, 1)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 5, 4], y has Tensor[2, 6, 1]; need equal sizes or 1 at axis -2 (5 vs 6)  [shape]
