"""A BERT-style pooler takes the [CLS] token but keeps the time axis as a slice."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, tanh

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

pooler = Dense(16, 16, tanh)
classifier = Dense(16, 2)


@tf.shapecheck
def classify(h: Tensor[B, T, 16]) -> Tensor[B, 2]:
    cls = h[:, :1]
    return classifier(pooler(cls))  # BUG  # E: Return shape Tensor[B, 1, 2] does not match the annotation Tensor[B, 2]: rank is 3, expected 2  [shape]


print(classify(tf.randn(3, 4, 16)).shape)
