"""ALiBi: each head's slope times the relative distances gives a bias per head; the slopes
were given one axis where two are needed."""
from typing import Final

import typedflux as tf

NH: Final = 4
T: Final = 6
slopes = tf.tensor([0.5, 0.25, 0.125, 0.0625])
dist = (tf.arange(T)[None, :] - tf.arange(T)[:, None]) * 1.0
bias = slopes[:, None, None] * dist
scores = tf.randn(2, NH, T, T) + bias
print(tf.softmax(scores, axis=-1).shape)
