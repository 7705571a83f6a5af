"""A causal mask is built for the full context length, not the current sequence length."""
from typing import Final

import typedflux as tf

CONTEXT: Final = 8
T: Final = 5
scores = tf.randn(2, T, T)
mask = tf.tril(tf.ones(CONTEXT, CONTEXT)) > 0
weights = tf.softmax(tf.where(mask, scores, -1e9), axis=-1)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[8, 8], x has Tensor[2, 5, 5]; need equal sizes or 1 at axis -2 (8 vs 5)  [shape]
print(weights.shape)
