"""A causal mask made from the block size is applied with tf.where to the scores of a
shorter prompt."""
from typing import Final

import typedflux as tf

BLOCK: Final = 8
T = 5
mask = tf.tril(tf.ones(T, T)) > 0
scores = tf.randn(2, 4, 5, 5)
scores = tf.where(mask, scores, -1e9)
print(tf.softmax(scores, axis=-1).shape)
