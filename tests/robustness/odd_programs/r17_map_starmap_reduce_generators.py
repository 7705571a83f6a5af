"""Odd but valid (round 17's crash hunt): map/reduce of named defs given through names, starmap, filter, zip, sorted keys, nested maps."""
import functools
import itertools
from typing import List, Tuple, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def twice(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x * 2.0


def add(a: Tensor[B, 4], b: Tensor[B, 4]) -> Tensor[B, 4]:
    return a + b


def cat_pair(p: Tuple[Tensor[B, 4], Tensor[B, 4]]) -> Tensor[B, 8]:
    return tf.cat(p[0], p[1], axis=1)


xs = [tf.zeros(2, 4), tf.zeros(3, 4)]
f = twice
print(list(map(f, xs)), list(map(twice, map(twice, xs))))
print(list(itertools.starmap(add, zip(xs, xs))))
print(list(map(cat_pair, zip(xs, xs))))
print(functools.reduce(add, [tf.zeros(2, 4)] * 2, tf.zeros(2, 4)).shape)
print(functools.reduce(add, (twice(x) for x in [tf.zeros(1, 4), tf.ones(1, 4)])).shape)
ys: List[Tensor[int, 4]] = list(map(twice, xs))
print(len(ys))
