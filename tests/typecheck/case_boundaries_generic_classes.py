"""A user generic class's instance returned, assigned or yielded against its annotation.

``class Box(Generic[B])`` over a dim, ``class Holder(Generic[T])`` over a type: ``return
Box(x[1:])`` for ``-> Box[B]`` was mypy's ``[return-value]`` in ``Literal['B - 1']`` words;
the checker compares the type arguments as it compares a tensor's dims and names the one that
differs (a tensor type argument by its axis), concrete and symbolic; each fix is clean. A dim
that may be equal (``int``, a size known only at run time) proves nothing: no error, also where
mypy alone refuses an invariant ``Box[Literal[3]]`` for ``Box[int]``.

Static only: the run time does not know a generic instance's type arguments (Python erases
them), so these lines run without a ShapeError (every function is called at the bottom).
"""

from typing import Generic, Iterator, List, Literal, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T")


class Box(Generic[B]):
    def __init__(self, h: Tensor[B, 16]) -> None:
        self.h = h

    def shrunk(self) -> "Box[B]":
        return Box(self.h[1:])  # E: Return value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B  [shape]

    def shrunk_fixed(self) -> "Box[int]":
        return Box(self.h[1:])


class Wide(Box[B]):
    pass


class Matrix(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data

    def t(self) -> "Matrix[N, B]":
        return Matrix(self.data.T)


class Holder(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


def hold(x: Tensor[B, 3]) -> Holder[Tensor[B, 3]]:
    return Holder(x)


# -- concrete sizes: an annotated variable or attribute --------------------------------------
box: Box[Literal[3]] = Box(tf.zeros(2, 16))  # E: Assigned value Box[2] does not match the annotation Box[3] of "box": type argument 0 is 2, expected 3  [shape]
box_fixed: Box[Literal[2]] = Box(tf.zeros(2, 16))
boxes: List[Box[Literal[3]]] = [Box(tf.zeros(3, 16)), Box(tf.zeros(4, 16))]  # E: Assigned value Box[4] (list item 1) does not match the annotation Box[3] of "boxes": type argument 0 is 4, expected 3  [shape]
boxes_fixed: List[Box[Literal[3]]] = [Box(tf.zeros(3, 16)), Box(tf.zeros(3, 16))]
maybe: Optional[Box[Literal[3]]] = Box(tf.zeros(5, 16))  # E: Assigned value Box[5] does not match the annotation Box[3] of "maybe": type argument 0 is 5, expected 3  [shape]
maybe_fixed: Optional[Box[Literal[3]]] = Box(tf.zeros(3, 16))
square: Matrix[Literal[2], Literal[3]] = Matrix(tf.zeros(3, 2))  # E: Assigned value Matrix[3, 2] does not match the annotation Matrix[2, 3] of "square": type argument 0 is 3, expected 2  [shape]
square_fixed: Matrix[Literal[2], Literal[3]] = Matrix(tf.zeros(3, 2)).t()
held: Holder[Tensor[2, 4]] = hold(tf.zeros(2, 3))  # E: Assigned value Holder[Tensor[2, 3]] does not match the annotation Holder[Tensor[2, 4]] of "held": type argument 0 is Tensor[2, 3], expected Tensor[2, 4]: axis 1 is 3, expected 4  [shape]
held_fixed: Holder[Tensor[2, 3]] = hold(tf.zeros(2, 3))


class Cache:
    last: Box[Literal[4]]

    def __init__(self) -> None:
        self.last = Box(tf.zeros(5, 16))  # E: Assigned value Box[5] does not match the annotation Box[4] of "self.last": type argument 0 is 5, expected 4  [shape]


class CacheFixed:
    last: Box[Literal[4]]

    def __init__(self) -> None:
        self.last = Box(tf.zeros(4, 16))


# -- symbolic: returned and yielded in generic functions -----------------------------------------
@tf.shapecheck  # (it runs: the run time cannot see a Box's type argument)
def dropped_first(x: Tensor[B, 16]) -> Box[B]:
    return Box(x[1:])  # E: Return value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B  [shape]


def dropped_first_fixed(x: Tensor[B, 16]) -> Box[B]:
    return Box(x)


def named_first(x: Tensor[B, 16]) -> Box[B]:
    b = Box(x[2:])
    return b  # E: Return value Box[B - 2] does not match the annotation Box[B]: type argument 0 is B - 2, expected B  [shape]


def with_count(x: Tensor[B, 16]) -> Tuple[Box[B], int]:
    return Box(tf.cat(x, x, axis=0)), 2  # E: Return value Box[2*B] (tuple item 0) does not match the annotation Box[B]: type argument 0 is 2*B, expected B  [shape]


def with_count_fixed(x: Tensor[B, 16]) -> Tuple[Box[B], int]:
    return Box(x), 1


def each(x: Tensor[B, 16]) -> Iterator[Box[B]]:
    yield Wide(x[1:])  # E: Yielded value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B  [shape]


def each_fixed(x: Tensor[B, 16]) -> Iterator[Box[B]]:
    yield Wide(x)


def maybe_box(x: Tensor[B, 16]) -> Optional[Box[B]]:
    return Box(x[1:])  # E: Return value Box[B - 1] does not match the annotation Box[B]: type argument 0 is B - 1, expected B  [shape]


def transposed(m: Matrix[B, N]) -> Matrix[B, N]:
    return m.t()  # E: Return value Matrix[N, B] does not match the annotation Matrix[B, N]: type argument 0 is N, expected B  [shape]


def transposed_fixed(m: Matrix[B, N]) -> Matrix[N, B]:
    return m.t()


def square_t(m: Matrix[B, B]) -> Matrix[B, B]:
    return m.t()


def projected(x: Tensor[B, 8]) -> Holder[Tensor[B, 4]]:
    return hold(Dense(8, 3)(x))  # E: Return value Holder[Tensor[B, 3]] does not match the annotation Holder[Tensor[B, 4]]: type argument 0 is Tensor[B, 3], expected Tensor[B, 4]: axis 1 is 3, expected 4  [shape]


def projected_fixed(x: Tensor[B, 8]) -> Holder[Tensor[B, 3]]:
    return hold(Dense(8, 3)(x))


# -- dims that may be equal prove nothing: no error ------------------------------------------------
def sized_at_run_time(n: int) -> Box[Literal[3]]:
    return Box(tf.zeros(n, 16))


def any_length(x: Tensor[B, N]) -> Matrix[B, int]:
    wide: Matrix[B, int] = Matrix(tf.cat(x, x, axis=1))
    return Matrix(x[:, 1:])


loose: Box[int] = Box(tf.zeros(3, 16))


Box(tf.zeros(6, 16)).shrunk()
Box(tf.zeros(6, 16)).shrunk_fixed()
Cache()
CacheFixed()
dropped_first(tf.zeros(4, 16))
dropped_first_fixed(tf.zeros(4, 16))
named_first(tf.zeros(4, 16))
with_count(tf.zeros(4, 16))
with_count_fixed(tf.zeros(4, 16))
list(each(tf.zeros(4, 16)))
list(each_fixed(tf.zeros(4, 16)))
maybe_box(tf.zeros(4, 16))
transposed(Matrix(tf.zeros(4, 6)))
transposed_fixed(Matrix(tf.zeros(4, 6)))
square_t(Matrix(tf.zeros(4, 4)))
projected(tf.zeros(4, 8))
projected_fixed(tf.zeros(4, 8))
sized_at_run_time(5)
any_length(tf.zeros(4, 6))
