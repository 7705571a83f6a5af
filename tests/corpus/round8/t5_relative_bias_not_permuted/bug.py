"""T5's relative position bias: an Embedding of clipped relative positions gives
Tensor[T, T, heads]; it was added to the scores without moving the heads first."""
from typing import Final

import typedflux as tf
from typedflux import Embedding

T: Final = 10
NH: Final = 4
rel_bias = Embedding(2 * T - 1, NH)

rel = tf.arange(T)[None, :] - tf.arange(T)[:, None] + (T - 1)
scores = tf.randn(2, NH, T, T)
bias = rel_bias(rel)
scores = scores + bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 10, 10], y has Tensor[10, 10, 4]; need equal sizes or 1 at axis -3 (4 vs 10)  [shape]
print(tf.softmax(scores, axis=-1).shape)
