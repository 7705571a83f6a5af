"""PixelCNN's masked convolution: a (k, k) mask hiding the centre's right and the rows below
multiplies the (out, in, k, k) kernel; it was shaped (k, k, 1, 1), kernel axes first."""
import numpy as np

import typedflux as tf
from typedflux import Conv

K = 5
conv = Conv((K, K), 8, 16, pad=2)
mask = np.ones((K, K))
mask[K // 2, K // 2:] = 0
mask[K // 2 + 1:, :] = 0
m = tf.tensor(mask.reshape(K, K, 1, 1))
masked = conv.weight * m  # BUG[gap checker: tf.tensor(mask.reshape(K, K, 1, 1)) of a numpy array made by np.ones((K, K)) and item assignments has an unknown shape, so the (5, 5, 1, 1) mask never meets the (16, 8, 5, 5) kernel]
print(masked.shape)
