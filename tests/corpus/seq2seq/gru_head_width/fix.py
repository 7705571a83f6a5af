"""A GRU encoder's last step feeds a classifier sized for the input features."""
from typing import TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

encoder = GRU(10, 20)
classifier = Dense(20, 2)


def classify(x: Tensor[B, T, 10]) -> Tensor[B, 2]:
    h = encoder(x)
    return classifier(h[:, -1])


print(classify(tf.randn(3, 5, 10)).shape)
