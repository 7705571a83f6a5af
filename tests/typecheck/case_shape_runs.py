"""``x.shape`` of a tensor generic over a variadic run, given where the run is expected
(pyright's TypeVarTuple samples: ``Array.shape`` returned as ``Tuple[*Shape]``), and a union
of variadic members as a parameter (pyright's ``typeVarTuple8``): the run stays the run, so
the call's result is the caller's sizes; used as numbers, the run's items are ``int``."""

from typing import Tuple, TypeVar, Union

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
N = TypeVar("N", bound=int)
T = TypeVar("T", bound=int)


def shape_of(x: Tensor[Unpack[Shape]]) -> Tuple[Unpack[Shape]]:
    return x.shape


def rows_cols(x: Tensor[N, Unpack[Shape]]) -> Tuple[N, Unpack[Shape]]:
    return x.shape


def declared(x: Tensor[N, Unpack[Shape]]) -> int:
    s: Tuple[N, Unpack[Shape]] = x.shape
    n = 1
    for d in x.shape:
        n *= d
    return n + len(s)


def either(a: Union[Tensor[Unpack[Shape]], Tensor[T, Unpack[Shape]]]) -> Tensor:
    return a


h, w = shape_of(tf.zeros(4, 5))
hw: Tuple[int, int] = shape_of(tf.zeros(4, 5))
n, *rest = rows_cols(tf.zeros(4, 5, 6))
total = h * w + n + declared(tf.zeros(2, 3))
v = either(tf.zeros(2))
m = either(tf.zeros(2, 3))
