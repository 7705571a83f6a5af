"""jaxtyping-style shape aliases for a classifier head; the head is built for another width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
HIDDEN: Final = 32
Features = Tensor[B, HIDDEN]
Logits = Tensor[B, 10]
head = Dense(HIDDEN, 10)


@tf.shapecheck
def classify(h: Features[B]) -> Logits[B]:
    return head(h)


print(classify(tf.randn(4, HIDDEN)).shape)
