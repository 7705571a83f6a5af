"""VQ-VAE's commitment loss compares the encoder output with its quantised codes. The codes
were gathered as flat (B*H*W, D) rows and not laid back out as (B, D, H, W)."""
import typedflux as tf
from typedflux import Conv, Embedding

K, D = 32, 8
encoder = Conv((3, 3), 3, D, pad=1)
codebook = Embedding(K, D)
z = encoder(tf.randn(2, 3, 4, 4))
flat = z.transpose(0, 2, 3, 1).reshape(-1, D)
dist = (flat ** 2).sum(axis=1, keepdims=True) - 2 * flat @ codebook.weight.T
codes = codebook(tf.argmin(dist, axis=1))
commit = tf.losses.mse(z, codes)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[2, 8, 4, 4], target has Tensor[32, 8]; need identical shapes (no broadcasting in losses)  [shape]
print(commit.item())
