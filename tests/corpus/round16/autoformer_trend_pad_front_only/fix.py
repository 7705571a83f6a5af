"""Autoformer's series decomposition: a moving average over k = 5 steps, padded by (k-1)/2 at
each end, keeps the series length so the trend can be subtracted; padding only the front
leaves the average short."""
import typedflux as tf

B, L, C, K = 2, 24, 3, 5
x = tf.randn(B, L, C)
front = tf.tile(x[:, :1, :], 1, (K - 1) // 2, 1)
back = tf.tile(x[:, -1:, :], 1, (K - 1) // 2, 1)
padded = tf.cat(front, x, back, axis=1)
windows = tf.stack([padded[:, i:i + padded.shape[1] - K + 1] for i in range(K)], axis=0)
trend = windows.mean(axis=0)
seasonal = x - trend
print(seasonal.shape)
