"""Odd but valid (round 18's crash hunt): methods of generic classes over dims reached in odd ways: a bound method held in a name, getattr, functools.partial, the class-level call with the instance, type(c).append, operator.methodcaller, a lambda around it, a method of a second generic class returning the first."""
from __future__ import annotations
import functools
import operator
from typing import Generic, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 4]) -> None:
        self.keys = keys

    @tf.shapecheck
    def append(self, k: Tensor[B, 1, 4]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))

    def width(self) -> Tensor[B, "2*N"]:
        return tf.cat(self.keys[:, :, 0], self.keys[:, :, 1], axis=1)



class Step(Generic[B]):
    def __init__(self, k: Tensor[B, 1, 4]) -> None:
        self.k = k

    def into(self, c: Cache[B, N]) -> Cache[B, "N + 1"]:
        return c.append(self.k)


c = Cache(tf.zeros(2, 3, 4))
k = tf.zeros(2, 1, 4)
app = c.append
r1 = app(k)
r2 = getattr(c, "append")(k)
r3 = functools.partial(Cache.append, c)(k)
r4 = Cache.append(c, k)
r5 = type(c).append(c, k)
r6 = operator.methodcaller("append", k)(c)
r7 = (lambda cc: cc.append(k))(c)
r8 = Step(k).into(c)
w = c.width()
ws = [cc.width() for cc in (c, r4, r8)]
print(r1.keys.shape, r2.keys.shape, r3.keys.shape, r5.keys.shape, r6.keys.shape, r7.keys.shape, w.shape, len(ws))
