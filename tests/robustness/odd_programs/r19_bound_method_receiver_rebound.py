"""a generic class's method held in a name keeps its receiver: `app = c.append` then c
rebound to an instance of other sizes; app still grows the OLD cache. Also bound methods of
two sizes in a list called in a loop, and a bound method taken from a conditional receiver."""
from __future__ import annotations
from typing import Generic, TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, x: Tensor[B, N]) -> None:
        self.x = x

    def append(self, k: Tensor[B, 1]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.x, k, axis=1))

    def width(self) -> Tensor[B, N]:
        return self.x


k = tf.zeros(2, 1)
c = Cache(tf.zeros(2, 4))
app = c.append
c = Cache(tf.zeros(2, 6))
h = app(k)
print(Dense(5, 1)(h.x).shape)
w = c.width
c = Cache(tf.zeros(2, 9))
print(Dense(6, 1)(w()).shape)
apps = [Cache(tf.zeros(2, 3)).append, Cache(tf.zeros(2, 7)).append]
for a in apps:
    print(a(k).x.shape)
flag = len(apps) > 1
d = (Cache(tf.zeros(2, 3)) if flag else Cache(tf.zeros(2, 5))).append
print(Dense(4, 1)(d(k).x).shape)
