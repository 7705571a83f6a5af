"""A Siamese network for signature verification: one encoder (shared weights) embeds both
images, the pair is compared through the elementwise |e1 - e2| and a head gives the logit of
'same writer'; trained with binary cross-entropy on logits."""
from __future__ import annotations

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, Tensor, relu


class SiameseNet:
    def __init__(self, emb: int = 16) -> None:
        self.encoder = Chain(
            Conv((3, 3), 1, 8, relu, pad=1), MaxPool((2, 2)),
            Conv((3, 3), 8, 16, relu, pad=1), MaxPool((2, 2)),
            Flatten(), Dense(16 * 3 * 3, emb),
        )
        self.head = Dense(emb, 1)

    def embed(self, x: Tensor) -> Tensor:
        return self.encoder(x)

    def __call__(self, a: Tensor, b: Tensor) -> Tensor:
        e1 = self.embed(a)
        e2 = self.embed(b)
        return self.head(tf.cat(e1, e2, axis=1))


model = SiameseNet()
left = tf.randn(4, 1, 12, 12)
right = tf.randn(4, 1, 12, 12)
same = tf.tensor([[1.0], [0.0], [1.0], [0.0]])
logits = model(left, right)  # BUG  # E: Dense(16 => 1) expects input Tensor[..., 16], got Tensor[4, 32]; need size 16 at axis -1 (got 32)  [shape]
loss = tf.losses.logitbinarycrossentropy(logits, same)
print(float(loss))
