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
dist = (flat ** 2).sum(axis=1, keepdims=True) - 2 * flat @ codebook + (codebook ** 2).sum(axis=1)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[32, 16], w has Tensor[24, 16]; need x.shape[-1] == w.shape[-2] (16 vs 24); did you mean to transpose w (w.T)?  [shape]
codes = tf.argmin(dist, axis=1)
print(codes.shape)
