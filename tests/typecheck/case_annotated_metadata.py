"""Tensor annotations wrapped in ``typing.Annotated`` with metadata (as jaxtyping-style code
writes them): mypy reads the first argument, and so does ``@tf.shapecheck`` (it took the
wrapper for no tensor annotation and checked nothing)."""

from typing import TypeVar

from typing_extensions import Annotated

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(4, 3)


@tf.shapecheck
def classify(x: Annotated[Tensor[B, 4], "features"]) -> Annotated[Tensor[B, 3], "logits"]:
    return head(x)


@tf.shapecheck
def wrong(x: Annotated[Tensor[B, 4], "features"]) -> Annotated[Tensor[B, 2], "logits"]:
    return head(x)  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


assert classify(tf.randn(5, 4)).shape == (5, 3)
classify(tf.randn(5, 6))  # E: Argument "x" of "classify" has shape Tensor[5, 6], which does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]  # N: B=5
wrong(tf.randn(2, 4))
