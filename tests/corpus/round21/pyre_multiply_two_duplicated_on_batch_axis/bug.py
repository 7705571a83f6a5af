"""Pyre's tensor shape arithmetic (pyre_extensions' Multiply[N, Literal[2]]): duplicating the
features of each row, Tensor[B, N] -> Tensor[B, Multiply[N, 2]], written as Tensor[B, "2*N"];
a layer reading twice the features takes the result."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def duplicate(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=0)  # BUG  # E: Return shape Tensor[2*B, N] does not match the annotation Tensor[B, 2*N]: axis 0 is 2*B, expected B  [shape]


h = tf.randn(3, 7)
wide = duplicate(h)
print(Dense(14, 2)(wide).shape)
