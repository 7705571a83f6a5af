"""Annotations carrying metadata (typing.Annotated, as jaxtyping-style code writes them):
the head returns three logits where two are declared."""
from typing import TypeVar

from typing_extensions import Annotated

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(4, 2)


@tf.shapecheck
def classify(x: Annotated[Tensor[B, 4], "features"]) -> Annotated[Tensor[B, 2], "logits"]:
    return head(x)


print(classify(tf.randn(5, 4)).shape)
