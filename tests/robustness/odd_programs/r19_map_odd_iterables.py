"""map over odd iterables: a dict's values, a zip, a generator, a range with a
lambda building tensors of growing width, functools.partial, a map stored then consumed twice
(second consumer sees nothing), map over a set-less list comprehension."""
from __future__ import annotations
import functools
from typing import TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def widen(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=1)


def scale(x: Tensor[B, N], k: float) -> Tensor[B, N]:
    return x * k


d = {"a": tf.zeros(2, 4), "b": tf.zeros(2, 4)}
for y in map(widen, d.values()):
    print(Dense(8, 1)(y).shape)
for y in map(widen, (t for t in [tf.zeros(2, 3)])):
    print(Dense(6, 1)(y).shape)
for y in map(lambda n: tf.zeros(2, n), range(1, 4)):
    print(y.shape)
for y in map(functools.partial(scale, k=2.0), [tf.zeros(2, 5)]):
    print(Dense(5, 1)(y).shape)
m = map(widen, [tf.zeros(2, 4)])
first = list(m)
second = list(m)
print(len(first), len(second))
xs = [tf.zeros(2, 4), tf.zeros(2, 6)]
for y in map(widen, xs):
    print(y.shape)
for y in map(widen, [x[:, :2] for x in xs]):
    print(Dense(4, 1)(y).shape)
