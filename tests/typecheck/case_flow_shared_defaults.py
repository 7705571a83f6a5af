"""A mutable default a body changes: Python shares it between the calls that leave it out.

``def _stage(self, i, o, layers: List[Dense] = [])`` builds its list once, when the ``def``
runs; a second ``self._stage(16, 32)`` appends to the list the first one filled, so its
``Chain`` holds both layers. A run that took a fresh ``[]`` per call would type the second
stage as ``Chain[Dense[16, 32]]`` and report a false ``[shape]`` on a correct input. Such a
parameter (a list, dict or set display, or a comprehension, that the body may change) is
unknown to the runs: a method ``__init__`` calls on ``self``, a model's own ``__init__``
(two constructions share it) and a helper function. A default the body only reads stays
known, and a list given at the call is the call's own; both are still checked. The same
lines fail at run time with the same words.
"""

from typing import List

import typedflux as tf
from typedflux import Chain, Dense


class Staged:
    def __init__(self, d: int) -> None:
        self.a = self._stage(d, 16)
        self.b = self._stage(16, 32)

    def _stage(self, i: int, o: int, layers: List[Dense] = []) -> Chain:
        layers.append(Dense(i, o))
        return Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.b(x)


Staged(8)(tf.randn(2, 8))


class Tower:
    def __init__(self, i: int, o: int, layers: List[Dense] = []) -> None:
        layers.append(Dense(i, o))
        self.body = Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


Tower(8, 16)
Tower(16, 32)(tf.randn(2, 8))


def stage(i: int, o: int, layers: List[Dense] = []) -> Chain:
    layers.append(Dense(i, o))
    return Chain(*layers)


first = stage(8, 16)
second = stage(16, 32)
second(tf.randn(2, 8))
stage(16, 32, [])(tf.randn(2, 8))  # E: Chain layer 1 Dense(16 => 32) expects input Tensor[..., 16], got Tensor[2, 8]; need size 16 at axis -1 (got 8)  [shape]


class Widths:
    def __init__(self, d: int, widths: List[int] = [16, 32]) -> None:
        self.body = Chain(Dense(d, widths[0]), Dense(widths[0], widths[1]))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


Dense(8, 2)(Widths(4)(tf.randn(2, 4)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
Dense(32, 2)(Widths(4)(tf.randn(2, 4)))
