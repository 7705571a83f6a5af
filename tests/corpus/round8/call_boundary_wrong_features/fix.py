"""A classifier class with an annotated __call__ is called on raw pixels instead of the
encoder's features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Head:
    def __init__(self) -> None:
        self.fc = Dense(64, 10)

    @tf.shapecheck
    def __call__(self, feats: Tensor[B, 64]) -> Tensor[B, 10]:
        return self.fc(feats)


encoder = Dense(784, 64)
head = Head()
pixels = tf.randn(5, 784)
print(head(encoder(pixels)).shape)
