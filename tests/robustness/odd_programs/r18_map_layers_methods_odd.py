"""Odd but valid (round 18's crash hunt): map building layers (map(Dense, ins, outs)), map of a bound method of a generic class, map over dict values, map inside tf.cat(*...), sum of a map, itertools.starmap of a generic def, filter over a map, nested maps, and map over a zip of layers and inputs."""
from __future__ import annotations
import itertools
from typing import Generic, List, TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def widen(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=1)


def join(x: Tensor[B, N], y: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, y, axis=1)


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 4]) -> None:
        self.keys = keys

    def append(self, k: Tensor[B, 1, 4]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))


layers: List[Dense] = list(map(Dense, [4, 8], [8, 8]))
xs = [tf.zeros(2, 4), tf.zeros(2, 4)]
c = Cache(tf.zeros(2, 3, 4))
grown = list(map(c.append, [tf.zeros(2, 1, 4), tf.zeros(2, 1, 4)]))
byname = {"a": tf.zeros(2, 4), "b": tf.zeros(2, 4)}
vals = list(map(widen, byname.values()))
joined = tf.cat(*map(widen, xs), axis=1)
total = sum(map(lambda t: t.sum(), map(widen, xs)))
pairs = list(itertools.starmap(join, zip(xs, xs)))
kept = list(filter(lambda t: t.shape[0] > 0, map(widen, xs)))
applied = list(map(lambda lx: lx[0](lx[1]), zip([Dense(4, 3), Dense(4, 5)], xs)))
print(len(layers), len(grown), len(vals), joined.shape, total, len(pairs), len(kept), [t.shape for t in applied])
