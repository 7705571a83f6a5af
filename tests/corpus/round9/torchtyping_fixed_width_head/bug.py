"""torchtyping's `TensorType["batch", 10]` with a fixed size, translated: the head promised
2 classes but was built with 3."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(10, 3)


@tf.shapecheck
def classify(x: Tensor[B, 10]) -> Tensor[B, 2]:
    return head(x)  # BUG  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


print(classify(tf.randn(4, 10)).shape)
