"""A causal mask is built for the full context length, not the current sequence length."""
from typing import Final

import typedflux as tf

CONTEXT: Final = 8
T: Final = 5
scores = tf.randn(2, T, T)
mask = tf.tril(tf.ones(T, T)) > 0
weights = tf.softmax(tf.where(mask, scores, -1e9), axis=-1)
print(weights.shape)
