"""A model's ``self`` reached where a construction's run does not follow it.

The run of ``Net(8)``'s ``__init__`` follows ``self.<name>`` reads and writes and a
``self._make(...)`` call that is a statement's whole value. A method held (``more =
self._more``; given to a call; ``getattr(self, "_more")``; ``type(self)._more``), ``self``
given away (``setup(self)``, ``me = self``) or read in a lambda may change the instance at
any later point: the instance is unknown from there, nothing is claimed of it. A method
called inside an expression (``self.pads = [self._grow(), 0]``), not run by the run: the
attributes it names on ``self`` are unknown from there, the others stay known. Each
correct program is clean (before, each gave a false ``[shape]``: the run kept the stale
width); the same models given a wrong input, where the run follows every step, are caught;
the same lines fail at run time with the same words.
"""

from typing import Callable, List

import typedflux as tf
from typedflux import Dense


class Held:
    def __init__(self, d: int) -> None:
        self.ws: List[int] = [d]
        more = self._more
        more()
        self.head = Dense(self.ws[-1], 4)

    def _more(self) -> None:
        self.ws.append(16)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Held(8)(tf.randn(2, 16))


class ByName:
    def __init__(self, d: int) -> None:
        self.w = d
        getattr(self, "_more")()
        self.head = Dense(self.w, 4)

    def _more(self) -> None:
        self.w = 16

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


ByName(8)(tf.randn(2, 16))


class ByClass:
    def __init__(self, d: int) -> None:
        self.w = d
        fn = type(self)._more
        fn(self)
        self.head = Dense(self.w, 4)

    def _more(self) -> None:
        self.w = 16

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


ByClass(8)(tf.randn(2, 16))


def call_now(f: Callable[[], None]) -> None:
    f()


class Given:
    def __init__(self, d: int) -> None:
        self.w = d
        call_now(self._more)
        self.head = Dense(self.w, 4)

    def _more(self) -> None:
        self.w = 16

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Given(8)(tf.randn(2, 16))


def widen(m: "Passed") -> None:
    m.w = 16


class Passed:
    def __init__(self, d: int) -> None:
        self.w = d
        widen(self)
        self.head = Dense(self.w, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Passed(8)(tf.randn(2, 16))


class Aliased:
    def __init__(self, d: int) -> None:
        self.w = d
        me = self
        me.w = 16
        self.head = Dense(self.w, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Aliased(8)(tf.randn(2, 16))


class InLambda:
    def __init__(self, d: int) -> None:
        self.w = d
        (lambda: self._more())()
        self.head = Dense(self.w, 4)

    def _more(self) -> None:
        self.w = 16

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


InLambda(8)(tf.randn(2, 16))


class Nested:
    def __init__(self, d: int) -> None:
        self.w = d
        self.out = 4
        self.pads = [self._grow(), 0]
        self.head = Dense(self.w, self.out)

    def _grow(self) -> int:
        self.w = 16
        return 0

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Nested(8)(tf.randn(2, 16))
Dense(5, 2)(Nested(8)(tf.randn(2, 16)))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[2, 4]; need size 5 at axis -1 (got 4)  [shape]
Dense(4, 2)(Nested(8)(tf.randn(2, 16)))


class Stepped:
    def __init__(self, d: int) -> None:
        self.w = d
        self._more()
        self.head = Dense(self.w, 4)

    def _more(self) -> None:
        self.w = 16

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


Stepped(8)(tf.randn(2, 8))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 8]; need size 16 at axis -1 (got 8)  [shape]
Stepped(8)(tf.randn(2, 16))
