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
scores = scores + tf.rearrange(bias, "q k h -> h q k")
print(tf.softmax(scores, axis=-1).shape)
