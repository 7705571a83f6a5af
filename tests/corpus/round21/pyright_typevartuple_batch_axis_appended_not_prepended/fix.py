"""pyright's PEP 646 sample (TypeVarTuple): def add_batch_axis(x: Array[*Shape]) ->
Array[Batch, *Shape] puts a new axis of size one in front; a stack of such examples is
concatenated on that axis and fed to a per-pixel layer over the last axis."""
from __future__ import annotations

from typing import Literal

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def add_batch_axis(x: Tensor[Unpack[Shape]]) -> Tensor[Literal[1], Unpack[Shape]]:
    return x[None]


examples = [tf.randn(6, 4) for _ in range(3)]
batch = tf.concat([add_batch_axis(e) for e in examples], axis=0)
print(Dense(4, 2)(batch).shape)
