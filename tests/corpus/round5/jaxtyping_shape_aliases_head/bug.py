"""jaxtyping-style shape aliases for a classifier head; the head is built for another width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
HIDDEN: Final = 32
Features = Tensor[B, HIDDEN]
Logits = Tensor[B, 10]
head = Dense(64, 10)


@tf.shapecheck
def classify(h: Features[B]) -> Logits[B]:
    return head(h)  # BUG  # E: Dense(64 => 10) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


print(classify(tf.randn(4, HIDDEN)).shape)
