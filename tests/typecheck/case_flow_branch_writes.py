"""What a branch the call may not take writes to the instance, through a method it calls.

A body's ``if mask is not None:`` on an ``Optional`` argument runs both branches, joined.
A write to the instance in one of them (``self.cache = ...`` in a method the branch calls,
``self.refresh(x)``) is joined with what the other branch leaves there: the attribute as it
was when that branch writes nothing (here a tensor attribute the program rebinds: of no
shape known), the value both wrote when they agree. It once stayed as the first branch wrote
it, so the call's result took that branch's shape even when the call does not take it (a
false report on a correct annotation). Each with its fix; the same lines fail at run time
with the same words.
"""

from typing import Optional

import typedflux as tf
from typedflux import Dense, Tensor


class OneSide:
    def __init__(self) -> None:
        self.d = Dense(4, 8)
        self.cache = tf.zeros(2, 4)

    def refresh(self, x: Tensor) -> Tensor:
        self.cache = self.d(x)
        return x

    def __call__(self, x: Tensor, m: Optional[Tensor] = None) -> Tensor:
        if m is not None:
            x = self.refresh(x)
        return self.cache


class BothSides:
    def __init__(self) -> None:
        self.d = Dense(4, 8)
        self.e = Dense(4, 8)

    def left(self, x: Tensor) -> Tensor:
        self.h = self.d(x)
        return x

    def right(self, x: Tensor) -> Tensor:
        self.h = self.e(x)
        return x

    def __call__(self, x: Tensor, m: Optional[Tensor] = None) -> Tensor:
        if m is not None:
            x = self.left(x)
        else:
            x = self.right(x)
        return self.h


def maybe(flag: bool) -> Optional[Tensor[2, 4]]:
    return tf.zeros(2, 4) if flag else None


x = tf.randn(2, 4)
kept: Tensor[2, 4] = OneSide()(x, maybe(False))
Dense(4, 2)(BothSides()(x, maybe(False)))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 8]; need size 4 at axis -1 (got 8)  [shape]
out: Tensor[2, 2] = Dense(8, 2)(BothSides()(x, maybe(True)))
