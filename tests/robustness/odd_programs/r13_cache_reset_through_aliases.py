"""A cache widened through an alias of a bound method kept at module level, or through a
callback registry, between construction and first use."""
from typing import Callable, Dict, List

import typedflux as tf
from typedflux import Dense


class Cache:
    def __init__(self, d: int) -> None:
        self.d = d
        self.mem = tf.zeros(1, 0, d)

    def reset(self, d: int) -> None:
        self.d = d
        self.mem = tf.zeros(1, 0, d)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        self.mem = tf.cat(self.mem, x, axis=1)
        return self.mem


c = Cache(8)
hooks: Dict[str, Callable[[int], None]] = {"reset": c.reset}
hooks["reset"](12)
print(c.step(tf.zeros(1, 1, 12)).shape)

c2 = Cache(8)
callbacks: List[Callable[[int], None]] = []
callbacks.append(c2.reset)
for cb in callbacks:
    cb(12)
print(c2.step(tf.zeros(1, 1, 12)).shape)

c3 = Cache(8)
r = c3.reset
r(12)
print(c3.step(tf.zeros(1, 1, 12)).shape)

c4 = Cache(8)
getattr(c4, "reset")(12)
print(c4.step(tf.zeros(1, 1, 12)).shape)

c5 = Cache(8)
Cache.reset(c5, 12)
print(c5.step(tf.zeros(1, 1, 12)).shape)

c6 = Cache(8)
alias = c6
alias.reset(12)
print(c6.step(tf.zeros(1, 1, 12)).shape)

c7 = Cache(8)
holder = [c7]
holder[0].reset(12)
print(c7.step(tf.zeros(1, 1, 12)).shape)


def reset_all(w: int, *cs: Cache) -> None:
    for cc in cs:
        cc.reset(w)


c8 = Cache(8)
reset_all(12, c8)
print(c8.step(tf.zeros(1, 1, 12)).shape)

c9 = Cache(8)
c9.mem = tf.zeros(1, 0, 12)
print(Dense(12, 2)(c9.step(tf.zeros(1, 1, 12))).shape)
