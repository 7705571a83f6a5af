"""VQ-VAE's codebook lookup: squared distances from each encoder vector to every code,
argmin, then the codes gathered. The codebook's dimension differs from the encoder's."""
import typedflux as tf
from typedflux import Conv, Embedding

K, D = 64, 16
encoder = Conv((3, 3), 3, 32, pad=1)
codebook = Embedding(K, D)
z = encoder(tf.randn(2, 3, 8, 8))
flat = z.transpose(0, 2, 3, 1).reshape(-1, 32)
w = codebook.weight
dist = (flat ** 2).sum(axis=1, keepdims=True) - 2 * flat @ w.T + (w ** 2).sum(axis=1)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[128, 32], w has Tensor[16, 64]; need x.shape[-1] == w.shape[-2] (32 vs 16)  [shape]
idx = tf.argmin(dist, axis=1)
print(codebook(idx).shape)
