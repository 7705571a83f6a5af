"""VQ-VAE (van den Oord et al.) as the Keras/PyTorch tutorials write it: a conv encoder to
`embedding_dim` channels, the vector quantiser flattening (B, D, H, W) to (B*H*W, D),
distances |z|^2 - 2 z.e + |e|^2 to a codebook of num_embeddings x embedding_dim, the nearest
codes gathered and reshaped back, a straight-through estimator, and a conv decoder."""
from __future__ import annotations

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Tensor, relu


class VectorQuantizer:
    def __init__(self, num_embeddings: int, embedding_dim: int, beta: float = 0.25) -> None:
        self.embedding_dim = embedding_dim
        self.beta = beta
        self.codebook = tf.rand(num_embeddings, embedding_dim) * 2.0 - 1.0

    def __call__(self, z: Tensor) -> Tensor:
        b, d, h, w = z.shape
        flat = z.transpose(0, 2, 3, 1).reshape(b * h * w, d)
        distances = ((flat ** 2).sum(axis=1, keepdims=True) - 2.0 * flat @ self.codebook.T
                     + (self.codebook ** 2).sum(axis=1)[None, :])
        idx = distances.argmin(axis=1)
        quantized = self.codebook[idx].reshape(b, h, w, d).transpose(0, 3, 1, 2)
        return z + (quantized - z).detach()


class VQVAE:
    def __init__(self, in_ch: int = 3, hidden: int = 16, embedding_dim: int = 8,
                 num_embeddings: int = 32) -> None:
        self.encoder = Chain(Conv((4, 4), in_ch, hidden, relu, stride=2, pad=1),
                             Conv((4, 4), hidden, hidden, relu, stride=2, pad=1),
                             Conv((1, 1), hidden, embedding_dim))
        self.vq = VectorQuantizer(num_embeddings, embedding_dim)
        self.decoder = Chain(ConvTranspose((4, 4), embedding_dim, hidden, relu, stride=2, pad=1),
                             ConvTranspose((4, 4), hidden, in_ch, stride=2, pad=1))

    def __call__(self, x: Tensor) -> Tensor:
        return self.decoder(self.vq(self.encoder(x)))


model = VQVAE()
recon = model(tf.randn(2, 3, 16, 16))
print(recon.shape)
