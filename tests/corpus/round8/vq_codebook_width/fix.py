"""A VQ-VAE quantiser: distances from each encoder vector to every code; the codebook was
made with the decoder's width."""
import typedflux as tf
from typedflux import Conv, Embedding

encoder = Conv((3, 3), 3, 16, pad=1)
codebook = Embedding(64, 16)

z = tf.rearrange(encoder(tf.randn(2, 3, 4, 4)), "b c h w -> (b h w) c")
dist = ((z[:, None, :] - codebook.weight[None, :, :]) ** 2).sum(axis=-1)
codes = tf.argmin(dist, axis=1)
print(codebook(codes).shape)
