"""PEP 646's Array(Generic[*Shape]) and add_batch_axis(x: Array[*Shape]) -> Array[1, *Shape]
(the PEP's own example), the batched array's value fed to a Dense reading its last axis."""
from __future__ import annotations

from typing import Generic

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Shape = TypeVarTuple("Shape")


class Array(Generic[Unpack[Shape]]):
    def __init__(self, data: Tensor[Unpack[Shape]]) -> None:
        self.data = data

    def value(self) -> Tensor[Unpack[Shape]]:
        return self.data


def add_batch_axis(x: Array[Unpack[Shape]]) -> Array[1, Unpack[Shape]]:
    return Array(x.data.unsqueeze(0))


a: Array[3, 5] = Array(tf.randn(3, 5))
b = add_batch_axis(a)
proj = Dense(5, 2)
y = proj(b.value())
print(y.shape)
