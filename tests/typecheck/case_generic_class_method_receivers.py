"""A method's result naming its class's dims in a string, read from the receiver (redteam s12
gb05, ga07): each correct line here runs, and the plugin said ``Assigned value Keyed[str, N +
1] ...`` (the class's ``N`` left in the result).

- A class with a place that holds no size, ``Keyed(Generic[K, N])``: ``Keyed[str, 5].pad()``
  of ``pad(self) -> Keyed[K, "N + 1"]`` is a ``Keyed[str, 6]`` (the receiver's ``str`` at
  ``K``'s place, its ``5`` at ``N``'s), also in a chain and for a method that takes a tensor.
- A method held in a name, ``app = caches[0].append; app(k)``: which receiver the name holds
  is not read, so the string dims of the class's own symbols are unknown (``Cache[2, ?]``),
  never its ``N + 1``. The direct call ``caches[0].append(k)`` is still read.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

K = TypeVar("K")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Keyed(Generic[K, N]):
    def __init__(self, key: K, row: Tensor[1, N]) -> None:
        self.key = key
        self.row = row

    def pad(self) -> Keyed[K, "N + 1"]:
        return Keyed(self.key, tf.cat(self.row, tf.zeros(1, 1), axis=1))

    def grown(self, extra: Tensor[1, 2]) -> Keyed[K, "N + 2"]:
        return Keyed(self.key, tf.cat(self.row, extra, axis=1))

    def doubled(self) -> Tensor["2*N"]:
        return tf.cat(self.row[0], self.row[0])


ks: Keyed[str, 5] = Keyed("a", tf.zeros(1, 5))
padded: Keyed[str, 6] = ks.pad()
padded_twice: Keyed[str, 7] = ks.pad().pad()
grown: Keyed[str, 7] = ks.grown(tf.zeros(1, 2))
doubled: Tensor[10] = ks.doubled()
reveal_type(ks.pad())  # N: Revealed type is "case_generic_class_method_receivers.Keyed[str, Literal[6]]"
padded_wrong: Keyed[str, 5] = ks.pad()  # E: Assigned value Keyed[str, 6] does not match the annotation Keyed[str, 5] of "padded_wrong": type argument 1 is 6, expected 5  [shape]
grown_wrong: Keyed[str, 6] = ks.grown(tf.zeros(1, 2))  # E: Assigned value Keyed[str, 7] does not match the annotation Keyed[str, 6] of "grown_wrong": type argument 1 is 7, expected 6  [shape]
doubled_wrong: Tensor[5] = ks.doubled()  # E: Assigned shape Tensor[10] does not match the annotation Tensor[5] of "doubled_wrong": axis 0 is 10, expected 5  [shape]


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 16]) -> None:
        self.keys = keys

    def append(self, k: Tensor[B, 1, 16]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))

    def shifted(self) -> Cache[B, "N - 1"]:
        return Cache(self.keys[:, 1:])


caches = [Cache(tf.zeros(2, 4, 16)), Cache(tf.zeros(2, 4, 16))]
k = tf.zeros(2, 1, 16)
app = caches[0].append
held: Cache[2, 5] = app(k)
shift = caches[0].shifted
held_shifted: Cache[2, 3] = shift()
reveal_type(app(k))  # N: Revealed type is "case_generic_class_method_receivers.Cache[Literal[2], Any]"
direct: Cache[2, 5] = caches[0].append(k)
direct_wrong: Cache[2, 6] = caches[0].append(k)  # E: Assigned value Cache[2, 5] does not match the annotation Cache[2, 6] of "direct_wrong": type argument 1 is 5, expected 6  [shape]
