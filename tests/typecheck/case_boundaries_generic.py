"""A generic function's call meets an annotation: its type variable comes from the arguments.

``first(xs: Sequence[T]) -> T`` given a list of ``Tensor[B, 4]`` returned as a
``Tensor[B, 5]``: mypy would take ``T`` from the annotation and blame the list item in
``Literal[...]`` words (``[list-item]``); the checker infers ``T`` from the arguments and
reports the boundary in shape words. Lists, tuples, sets and dicts given to functions and
methods, concrete and symbolic; each fix is clean. A list of ints stays mypy's own error; an
unknown dim proves nothing.
`@tf.shapecheck` raises the same words at run time (the calls at the bottom).
"""

from typing import Dict, Iterable, Iterator, List, Sequence, Set, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T")
B = TypeVar("B", bound=int)


def first(xs: Sequence[T]) -> T:
    return xs[0]


def any_of(xs: Set[T]) -> T:
    return next(iter(xs))


def entry(d: Dict[str, T]) -> T:
    return d["h"]


def last(xs: Iterable[T]) -> T:
    return list(xs)[-1]


class Cache:
    def newest(self, xs: List[T]) -> T:
        return xs[-1]


# -- concrete: module-level annotated assignments (no run-time twin: a variable annotation is
#    not evaluated at run time) ---------------------------------------------------------------
x34 = tf.zeros(3, 4)
a: Tensor[3, 5] = first([x34])  # E: Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "a": axis 1 is 4, expected 5  [shape]
a_fixed: Tensor[3, 4] = first([x34])
s: Tensor[3, 5] = any_of({x34})  # E: Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "s": axis 1 is 4, expected 5  [shape]
s_fixed: Tensor[3, 4] = any_of({x34})
d: Tensor[3, 5] = entry({"h": x34})  # E: Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "d": axis 1 is 4, expected 5  [shape]
d_fixed: Tensor[3, 4] = entry({"h": x34})
m: Tensor[3, 5] = Cache().newest([x34, x34])  # E: Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "m": axis 1 is 4, expected 5  [shape]
m_fixed: Tensor[3, 4] = Cache().newest([x34, x34])
# Not a shape difference: mypy's own error, in its words.
n: Tensor[3, 5] = first([1])  # E: List item 0 has incompatible type "int"; expected "Tensor[Literal[3], Literal[5]]"  [list-item]


# -- symbolic: returns and yields of functions and methods --------------------------------------
@tf.shapecheck
def newest_hidden(h: Tensor[B, 4]) -> Tensor[B, 5]:
    return first([h, h])  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def newest_hidden_fixed(h: Tensor[B, 4]) -> Tensor[B, 4]:
    return first([h, h])


@tf.shapecheck
def from_tuple(h: Tensor[B, 4]) -> Tensor[B, 5]:
    return last((h, h))  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def from_tuple_fixed(h: Tensor[B, 4]) -> Tensor[B, 4]:
    return last((h, h))


@tf.shapecheck
def with_count(h: Tensor[B, 4]) -> Tuple[Tensor[B, 5], int]:
    return first([h]), 1  # E: Return shape Tensor[B, 4] (tuple item 0) does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def with_count_fixed(h: Tensor[B, 4]) -> Tuple[Tensor[B, 4], int]:
    return first([h]), 1


@tf.shapecheck
def cached(h: Tensor[B, 4]) -> Tensor[B, 5]:
    return Cache().newest([h])  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def cached_fixed(h: Tensor[B, 4]) -> Tensor[B, 4]:
    return Cache().newest([h])


@tf.shapecheck
def from_dict(h: Tensor[B, 4]) -> Tensor[B, 5]:
    return entry({"h": h})  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def from_dict_fixed(h: Tensor[B, 4]) -> Tensor[B, 4]:
    return entry({"h": h})


@tf.shapecheck
def stream(h: Tensor[B, 4]) -> Iterator[Tensor[B, 5]]:
    yield first([h])  # E: Yielded shape Tensor[B, 4] does not match the annotation Tensor[B, 5]: axis 1 is 4, expected 5  [shape]


@tf.shapecheck
def stream_fixed(h: Tensor[B, 4]) -> Iterator[Tensor[B, 4]]:
    yield first([h])


# An unknown dim proves nothing: clean, as any unknown dim is.
def unsized(h: Tensor[B, int]) -> Tensor[B, 5]:
    return first([h])


h6 = tf.zeros(6, 4)
newest_hidden(h6)
newest_hidden_fixed(h6)
from_tuple(h6)
from_tuple_fixed(h6)
with_count(h6)
with_count_fixed(h6)
cached(h6)
cached_fixed(h6)
from_dict(h6)
from_dict_fixed(h6)
list(stream(h6))
list(stream_fixed(h6))
