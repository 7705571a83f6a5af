"""Annotations carrying metadata (typing.Annotated, as jaxtyping-style code writes them):
the head returns three logits where two are declared."""
from typing import TypeVar

from typing_extensions import Annotated

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(4, 3)


@tf.shapecheck
def classify(x: Annotated[Tensor[B, 4], "features"]) -> Annotated[Tensor[B, 2], "logits"]:
    return head(x)  # BUG  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


print(classify(tf.randn(5, 4)).shape)
