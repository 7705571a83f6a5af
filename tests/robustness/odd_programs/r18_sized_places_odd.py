"""Odd but valid (round 18's crash hunt): sizes at a dim's place in odd spots: Keyed nested in Keyed, an alias of an alias, an alias with two free dims given one by one, Optional and Union of sized generics, sized generics in a dict value type, a tuple of them, a PEP 646 class given an empty run and a run from a tuple."""
from __future__ import annotations
from typing import Dict, Generic, Optional, Tuple, TypeVar, Union
from typing_extensions import TypeVarTuple, Unpack
import typedflux as tf
from typedflux import Tensor

K = TypeVar("K")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Shape = TypeVarTuple("Shape")


class Keyed(Generic[K, N]):
    def __init__(self, key: K, row: Tensor[1, N]) -> None:
        self.key = key
        self.row = row


class Grid(Generic[B, N, M]):
    def __init__(self, data: Tensor[B, N, M]) -> None:
        self.data = data


class Arr(Generic[Unpack[Shape]]):
    def __init__(self, data: Tensor[Unpack[Shape]]) -> None:
        self.data = data


Rows = Grid[B, N, 4]
Rows3 = Rows[B, 3]
inner: Keyed[str, 5] = Keyed("a", tf.zeros(1, 5))
outer: Keyed[Keyed[str, 5], 3] = Keyed(inner, tf.zeros(1, 3))
g: Rows3[2] = Grid(tf.zeros(2, 3, 4))
maybe: Optional[Keyed[str, 5]] = None
either: Union[Keyed[str, 5], Keyed[int, 5]] = Keyed(1, tf.zeros(1, 5))
table: Dict[str, Keyed[str, 5]] = {"a": inner}
pair: Tuple[Keyed[str, 5], Rows3[2]] = (inner, g)
scalar: Arr[()] = Arr(tf.tensor(1.0))
run: Arr[Unpack[Tuple[int, ...]]] = Arr(tf.zeros(2, 3))
fixed: Arr[2, 3] = Arr(tf.zeros(2, 3))
print(outer.key.row.shape, g.data.shape, maybe, either.row.shape, len(table), pair[1].data.shape, scalar.data.shape, run.data.shape, fixed.data.shape)
