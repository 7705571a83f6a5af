"""A VQ-VAE quantiser: distances from each encoder vector to every code; the codebook was
made with the decoder's width."""
import typedflux as tf
from typedflux import Conv, Embedding

encoder = Conv((3, 3), 3, 16, pad=1)
codebook = Embedding(64, 32)

z = tf.rearrange(encoder(tf.randn(2, 3, 4, 4)), "b c h w -> (b h w) c")
dist = ((z[:, None, :] - codebook.weight[None, :, :]) ** 2).sum(axis=-1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[32, 1, 16], y has Tensor[1, 64, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]
codes = tf.argmin(dist, axis=1)
print(codebook(codes).shape)
