"""n2cholas/shapecheck's `'...,N'` spec for a row-wise dot product, translated to a variadic
annotation: keepdims leaves one axis more than `...`."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
N = TypeVar("N", bound=int)


@tf.shapecheck
def rowdot(a: Tensor[Unpack[Bs], N], b: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return (a * b).sum(axis=-1, keepdims=True)  # BUG  # E: Return shape Tensor[*Bs, 1] does not match the annotation Tensor[*Bs]: rank is len(*Bs) + 1, expected len(*Bs)  [shape]


print(rowdot(tf.randn(2, 3, 4), tf.randn(2, 3, 4)).shape)
