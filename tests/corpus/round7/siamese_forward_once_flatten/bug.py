"""A Siamese network with PyTorch's `forward_once` method: the embedding layer after the
conv tower was sized for an unpooled feature map."""
from typing import Tuple

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, relu


class Siamese:
    def __init__(self) -> None:
        self.cnn = Chain(Conv((3, 3), 1, 4, relu, pad=1), MaxPool((2, 2)))
        self.fc = Dense(4 * 8 * 8, 16)

    def forward_once(self, x: tf.Tensor) -> tf.Tensor:
        h = self.cnn(x)
        return self.fc(h.reshape(h.shape[0], -1))

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        return self.forward_once(a), self.forward_once(b)


ea, eb = Siamese()(tf.randn(2, 1, 8, 8), tf.randn(2, 1, 8, 8))  # BUG  # E: Dense(256 => 16) expects input Tensor[..., 256], got Tensor[2, 64]; need size 256 at axis -1 (got 64)  [shape]
print(tf.losses.siamese_contrastive_loss(((ea - eb) ** 2).sum(axis=1), tf.tensor([0.0, 1.0])).item())
