"""VQ-VAE quantises each encoder vector to its nearest codebook entry: distances
|z|^2 - 2 z E^T + |E|^2 between the (N, D) flattened latents and the (K, D) codebook; the
cross term used E without the transpose."""
import typedflux as tf
from typedflux import Conv, relu

K, D = 24, 16
encoder = Conv((4, 4), 3, D, relu, stride=2, pad=1)
codebook = tf.randn(K, D)
z = encoder(tf.randn(2, 3, 8, 8))
flat = z.transpose(0, 2, 3, 1).reshape(-1, D)
dist = (flat ** 2).sum(axis=1, keepdims=True) - 2 * flat @ codebook.T + (codebook ** 2).sum(axis=1)
codes = tf.argmin(dist, axis=1)
print(codes.shape)
