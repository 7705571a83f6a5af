"""Annotated with several metadata items, a NewType over Tensor used as a parameter and a
return, aliases of aliases, and Final dims inside Annotated."""
from typing import Final, NewType, TypeVar

from typing_extensions import Annotated

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
WIDTH: Final = 12
Features = NewType("Features", Tensor)
Logits = Tensor[B, 3]
Batch = Annotated[Tensor[B, WIDTH], "features", {"unit": "none"}]
head = Dense(WIDTH, 3)


@tf.shapecheck
def classify(x: Batch[B]) -> Logits[B]:
    return head(x)


def wrap(x: Tensor) -> Features:
    return Features(x * 1.0)


def unwrap(f: Features) -> Tensor:
    return f


print(classify(tf.randn(4, WIDTH)).shape, unwrap(wrap(tf.randn(2, 2))).shape)
