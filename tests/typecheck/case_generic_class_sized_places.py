"""Sizes given to a class's dim places only, and to an alias of such a class (redteam s10 fa02,
fa07, a15; s11 gc03-gc05): each program is correct and runs; mypy alone (and the plugin before)
said ``Invalid type: try using Literal[5] instead?``, ``[valid-type]``.

- A class over a plain TypeVar and a dim, ``Keyed(Generic[K, N])``: ``Keyed[str, 5]`` (the
  ``str`` is left to mypy, a size at ``K``'s place keeps mypy's error).
- An alias of a class over dims given sizes: ``Seq6 = Seq[B, 6]``, then ``Seq6[2]``.
- PEP 646: a class over a TypeVarTuple, ``Array(Generic[*Shape])`` and ``Generic[N,
  *Shape]``: ``Array[1, *Shape]``, ``Array[1, 3, 4]`` (an int in the run is a size).
"""

from typing import Dict, Generic, List, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Tensor

K = TypeVar("K")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Shape = TypeVarTuple("Shape")


class Keyed(Generic[K, N]):
    def __init__(self, key: K, value: Tensor[N]) -> None:
        self.key = key
        self.value = value

    def get(self) -> Tensor[N]:
        return self.value

    def doubled(self) -> Tensor["2*N"]:
        return tf.cat(self.value, self.value)


keyed: Keyed[str, 5] = Keyed("a", tf.zeros(5))
keyed_value: Tensor[5] = keyed.get()
# (an expression of the class's dims in a result is read from the receiver's dim places: 10)
keyed_doubled: Tensor[10] = keyed.doubled()
keyed_table: Dict[str, Keyed[str, 5]] = {"a": keyed}
keyed_list: List[Keyed[str, 5]] = [keyed]
keyed_wrong: Keyed[str, 6] = Keyed("a", tf.zeros(5))  # E: Assigned value Keyed[str, 5] does not match the annotation Keyed[str, 6] of "keyed_wrong": type argument 1 is 5, expected 6  [shape]
keyed_size_key: "Keyed[5, 5]"  # E: Invalid type: try using Literal[5] instead?  [valid-type]


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data


Seq6 = Seq[B, 6]
Named = Keyed[str, N]


def first(s: Seq6[B]) -> Tensor[B, 6]:
    return s.data


def make() -> Seq6[3]:
    return Seq(tf.zeros(3, 6))


def make_wrong() -> Seq6[3]:
    return Seq(tf.zeros(3, 5))  # E: Return value Seq[3, 5] does not match the annotation Seq[3, 6]: type argument 1 is 5, expected 6  [shape]


reveal_type(make())  # N: Revealed type is "case_generic_class_sized_places.Seq[Literal[3], Literal[6]]"
first(Seq(tf.zeros(2, 6))), first(make()), make_wrong()
named: Named[5] = Keyed("a", tf.zeros(5))
named_wrong: Named[6] = Keyed("a", tf.zeros(5))  # E: Assigned value Keyed[str, 5] does not match the annotation Keyed[str, 6] of "named_wrong": type argument 1 is 5, expected 6  [shape]


class Array(Generic[Unpack[Shape]]):
    def __init__(self, t: Tensor[Unpack[Shape]]) -> None:
        self.t = t


class Batched(Generic[N, Unpack[Shape]]):
    def __init__(self, t: Tensor[N, Unpack[Shape]]) -> None:
        self.t = t


def add_batch(x: Array[Unpack[Shape]]) -> Array[1, Unpack[Shape]]:
    return Array(x.t[None])


def del_batch(x: Array[1, Unpack[Shape]]) -> Array[Unpack[Shape]]:
    return Array(x.t[0])


def one(x: Batched[1, Unpack[Shape]]) -> Batched[1, Unpack[Shape]]:
    return x


array = Array(tf.zeros(3, 4))
batched_array: Array[1, 3, 4] = add_batch(array)
unbatched: Array[3, 4] = del_batch(batched_array)
one(Batched(tf.zeros(1, 3)))


class Pair(Generic[B, N]):
    def __init__(self, left: Tensor[B, N]) -> None:
        self.left = left

    def spread(self, x: Tensor[Unpack[Shape], N]) -> Tensor[Unpack[Shape], "2*N"]:
        return tf.cat(x, x, axis=-1)


pair = Pair(tf.zeros(3, 4))
spread: Tensor[5, 6, 8] = pair.spread(tf.zeros(5, 6, 4))  # (the method's own run, bound by its argument)
spread_wrong: Tensor[5, 6, 9] = pair.spread(tf.zeros(5, 6, 4))  # E: Assigned shape Tensor[5, 6, 8] does not match the annotation Tensor[5, 6, 9] of "spread_wrong": axis 2 is 8, expected 9  [shape]
