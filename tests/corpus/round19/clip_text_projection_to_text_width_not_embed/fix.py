"""CLIP's contrastive head: an image encoder and a text encoder of different widths, each
projected to the shared embed_dim, L2-normalised; logits_per_image = scale * img @ txt.T, and
the loss is the symmetric cross-entropy over the batch."""
from __future__ import annotations

import typedflux as tf
from typedflux import Chain, Conv, Dense, Embedding, Flatten, GlobalMeanPool, Tensor, relu


class CLIP:
    def __init__(self, embed_dim: int = 16, vocab: int = 50, text_width: int = 24) -> None:
        self.visual = Chain(Conv((3, 3), 3, 32, relu, pad=1), GlobalMeanPool(), Flatten())
        self.token_embedding = Embedding(vocab, text_width)
        self.image_projection = Dense(32, embed_dim, bias=False)
        self.text_projection = Dense(text_width, embed_dim, bias=False)
        self.logit_scale = 10.0

    def encode_image(self, images: Tensor) -> Tensor:
        f = self.image_projection(self.visual(images))
        return f / tf.sqrt((f * f).sum(axis=-1, keepdims=True))

    def encode_text(self, tokens: Tensor) -> Tensor:
        f = self.text_projection(self.token_embedding(tokens).mean(axis=1))
        return f / tf.sqrt((f * f).sum(axis=-1, keepdims=True))

    def __call__(self, images: Tensor, tokens: Tensor) -> Tensor:
        return self.logit_scale * self.encode_image(images) @ self.encode_text(tokens).T


model = CLIP()
images = tf.randn(3, 3, 8, 8)
tokens = tf.tensor([[1, 4, 9, 2], [3, 3, 7, 0], [5, 8, 8, 1]])
logits = model(images, tokens)
labels = tf.onehot([0, 1, 2], 3)
loss = (tf.losses.logitcrossentropy(logits, labels) + tf.losses.logitcrossentropy(logits.T, labels)) / 2
print(float(loss))
