"""Features marked with a NewType over Tensor; the head after them was sized for the raw
input."""
from typing import NewType

import typedflux as tf
from typedflux import Dense, Tensor, relu

Features = NewType("Features", Tensor)
encoder = Dense(20, 32, relu)
head = Dense(20, 3)


def encode(x: Tensor) -> Features:
    return Features(encoder(x))


feats = encode(tf.randn(4, 20))
print(head(feats).shape)  # BUG[gap flow: a def with bare-Tensor parameters returning NewType("Features", Tensor)(layer(x)) is unknown when called directly; its body is read only inside containers]
