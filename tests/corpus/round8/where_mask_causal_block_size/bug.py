"""A causal mask made from the block size is applied with tf.where to the scores of a
shorter prompt."""
from typing import Final

import typedflux as tf

BLOCK: Final = 8
T = 5
mask = tf.tril(tf.ones(BLOCK, BLOCK)) > 0
scores = tf.randn(2, 4, 5, 5)
scores = tf.where(mask, scores, -1e9)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[8, 8], x has Tensor[2, 4, 5, 5]; need equal sizes or 1 at axis -2 (8 vs 5)  [shape]
print(tf.softmax(scores, axis=-1).shape)
