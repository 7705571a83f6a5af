"""A value meeting an annotation with a variadic run (``*Bs``): the run is one rigid list of
dims, so other dims around it make the ranks differ provably (same words at run time)."""

from typing import Iterator, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
B = TypeVar("B", bound=int)


@tf.shapecheck
def norms(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return tf.sqrt((v * v).sum(axis=-1, keepdims=True))  # E: Return shape Tensor[*Bs, 1] does not match the annotation Tensor[*Bs]: rank is len(*Bs) + 1, expected len(*Bs)  [shape]


@tf.shapecheck
def norms_fixed(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return tf.sqrt((v * v).sum(axis=-1))


@tf.shapecheck
def columns(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs], 3, 1]:
    return v.sum(axis=-1)  # E: Return shape Tensor[*Bs] does not match the annotation Tensor[*Bs, 3, 1]: rank is len(*Bs), expected len(*Bs) + 2  [shape]


@tf.shapecheck
def rows(v: Tensor[Unpack[Bs], 3]) -> Iterator[Tensor[Unpack[Bs], 3]]:
    yield v[..., None]  # E: Yielded shape Tensor[*Bs, 3, 1] does not match the annotation Tensor[*Bs, 3]: rank is len(*Bs) + 2, expected len(*Bs) + 1  [shape]


norms(tf.zeros(5, 7, 3))
norms_fixed(tf.zeros(5, 7, 3))
columns(tf.zeros(2, 3))
list(rows(tf.zeros(4, 3)))
