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
m = tf.tensor(mask.reshape(1, 1, K, K))
masked = conv.weight * m
print(masked.shape)
