"""Callable variables holding defs, lambdas and layers, and functools.partial of shaped
functions, all fitting their annotations."""
from functools import partial
from typing import Callable, Dict, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def widen(x: Tensor[B, 4], w: Tensor[4, 8]) -> Tensor[B, 8]:
    return x @ w


def keep(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x * 2


act: Callable[[Tensor[B, 4]], Tensor[B, 4]] = keep
act = tf.relu
act2: Callable[[Tensor[B, 4]], Tensor[B, 4]] = lambda t: t + 1
table: Dict[str, Callable[[Tensor[B, 4]], Tensor[B, 4]]] = {"keep": keep, "relu": tf.relu}
w = tf.randn(4, 8)
to8 = partial(widen, w=w)
to8_pos = partial(widen, tf.ones(3, 4))
again = partial(to8)
fns: List[Callable[..., Tensor]] = [to8, to8_pos, keep]


class Box:
    def go(self, x: Tensor[B, 4], w: Tensor[4, 8]) -> Tensor[B, 8]:
        return x @ w


go = partial(Box().go, w=tf.zeros(4, 8))
print(act(tf.ones(2, 4)).shape, act2(tf.ones(2, 4)).shape, table["keep"](tf.ones(3, 4)).shape)
print(to8(tf.ones(5, 4)).shape, to8_pos(w).shape, again(tf.ones(1, 4)).shape, go(tf.ones(2, 4)).shape)
print(len(fns), Dense(8, 2)(to8(tf.ones(5, 4))).shape)
