# mypy: warn-return-any
"""`x.shape`'s items are `int` where the size is not known statically: a bare `Tensor`'s (they
were mypy's `Any`, so `return w.shape[0]` in a `-> int` was `[no-any-return]` under
--strict) and a `*Shape` run's (a TypeVarTuple has no bound, so they were `object`:
`tf.zeros(*x.shape)`, `x.shape[0] + x.shape[-1]` and `n *= d` were errors in a function
generic over `Tensor[*Shape]`, as pyright's TypeVarTuple samples write them). Known sizes
keep their types.
"""

from typing import Any, Tuple, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
N = TypeVar("N", bound=int)


def zeros_like(x: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    reveal_type(x.shape)  # N: Revealed type is "tuple[int, ...]"
    return tf.zeros(*x.shape)


def numel(x: Tensor[Unpack[Shape], N]) -> int:
    reveal_type(x.shape)  # N: Revealed type is "tuple[*tuple[int, ...], N]"
    n = 1
    for d in x.shape:
        n *= d
    return n


def ends(x: Tensor[Unpack[Shape], N]) -> int:
    return x.shape[0] + x.shape[-1]


def rows(w: Tensor) -> int:
    reveal_type(w.shape)  # N: Revealed type is "tuple[int, ...]"
    return w.shape[0]


def dims(w: Tensor) -> Tuple[int, ...]:
    return w.shape


def first(x: Tensor[Any, 4]) -> int:
    reveal_type(x.shape)  # N: Revealed type is "tuple[int, Literal[4]]"
    return x.shape[0]


x = tf.randn(2, 3)
reveal_type(x.shape)  # N: Revealed type is "tuple[Literal[2], Literal[3]]"
print(zeros_like(x).shape, numel(x), ends(x), rows(x), dims(x), first(tf.randn(5, 4)))
