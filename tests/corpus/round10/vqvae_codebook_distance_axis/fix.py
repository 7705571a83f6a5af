"""VQ-VAE's codebook lookup: squared distances from each encoder vector to every code,
argmin, then the codes gathered. The codebook's dimension differs from the encoder's."""
import typedflux as tf
from typedflux import Conv, Embedding

K, D = 64, 16
encoder = Conv((3, 3), 3, D, pad=1)
codebook = Embedding(K, D)
z = encoder(tf.randn(2, 3, 8, 8))
flat = z.transpose(0, 2, 3, 1).reshape(-1, D)
w = codebook.weight
dist = (flat ** 2).sum(axis=1, keepdims=True) - 2 * flat @ w.T + (w ** 2).sum(axis=1)
idx = tf.argmin(dist, axis=1)
print(codebook(idx).shape)
