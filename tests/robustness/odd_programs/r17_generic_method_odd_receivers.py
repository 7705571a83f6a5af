"""Odd but valid (round 17's crash hunt): generic-class methods taking tensors, called on odd receivers: self inside the class, a union, Any, an Optional narrowed, super(), a subclass, a class-level call with the instance."""
from __future__ import annotations
from typing import Any, Generic, Optional, TypeVar, Union
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 4]) -> None:
        self.keys = keys

    def append(self, k: Tensor[B, 1, 4]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))

    def twice(self, k: Tensor[B, 1, 4]) -> Cache[B, "N + 2"]:
        return self.append(k).append(k)


class Sub(Cache[B, N]):
    def append(self, k: Tensor[B, 1, 4]) -> Cache[B, "N + 1"]:
        return super().append(k)


c = Cache(tf.zeros(2, 3, 4))
k = tf.zeros(2, 1, 4)
u: Union[Cache[2, 3], Cache[2, 4]] = c
anyc: Any = c
maybe: Optional[Cache[2, 3]] = c
print(c.twice(k).keys.shape, u.append(k).keys.shape, anyc.append(k).keys.shape)
if maybe is not None:
    print(maybe.append(k).keys.shape)
print(Cache.append(c, k).keys.shape, Sub(tf.zeros(2, 3, 4)).append(k).keys.shape)
grown = c
for _ in range(2):
    grown = grown.append(k)
print(grown.keys.shape, [c.append(t) for t in (k, k)][0].keys.shape)
f = c.append
print(f(k).keys.shape, (lambda cc: cc.append(k))(c).keys.shape)
