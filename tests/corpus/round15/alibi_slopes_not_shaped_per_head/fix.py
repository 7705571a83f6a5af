"""ALiBi: each head adds slope_h * (j - i) to its causal attention scores (B, H, T, T); the
slopes (H,) were multiplied by the (T, T) distances without axes of their own."""
import math
from typing import Final

import numpy as np

import typedflux as tf
from typedflux import Tensor

HEADS: Final = 8
T, D = 6, 4
slopes: Tensor[HEADS] = tf.tensor(2.0 ** (-8.0 * np.arange(1, HEADS + 1) / HEADS))
dist = tf.arange(T).reshape(1, T) - tf.arange(T).reshape(T, 1)
bias = slopes.reshape(HEADS, 1, 1) * dist
q, k = tf.randn(2, HEADS, T, D), tf.randn(2, HEADS, T, D)
scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(D) + bias
causal = tf.tril(tf.ones(T, T)) > 0
print(tf.softmax(tf.where(causal, scores, -1e9), axis=-1).shape)
