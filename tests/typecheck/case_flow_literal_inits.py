"""Models built with no arguments: an ``__init__`` that sizes its blocks from literals.

``Tree()`` takes nothing, but its ``__init__`` builds a block of the module
(``self.root = Root(16, 16)``) whose own layers only a run of ``Root.__init__`` on ``16, 16``
knows; mypy types ``self.root`` as a ``Root`` and nothing more. The flow runs such an
``__init__`` (it holds a model of the module, a list of layers, a tied weight, or runs a
model base's ``__init__``: ``super().__init__(8)`` of a subclass built with no arguments),
so the body's ``self.root(x, x)`` runs on ``Conv((1, 1), 16 => 16)``. An instance declared
as its base (``keep: Keep = Widen()``) runs its own class's ``__call__``: the base's body is
not read for it. A mismatch in the body
is reported at the call, as at run time. Each with its fix, concrete and symbolic; the same
lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


class Root:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv = Conv((1, 1), cin, cout)

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
        return self.conv(tf.cat(a, b, axis=1))


class Tree:
    def __init__(self) -> None:
        self.root = Root(16, 16)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.root(x, x)


class TreeFixed:
    def __init__(self) -> None:
        self.root = Root(32, 16)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.root(x, x)


class Proj:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 2 * d)


class Small(Proj):
    def __init__(self) -> None:
        super().__init__(8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Keep:
    def __init__(self) -> None:
        self.same = Dense(8, 8)
        self.wide = Dense(8, 32)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.same(x)


class Widen(Keep):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.wide(x)


keep: Keep = Widen()  # (a Widen: its own __call__ runs, not Keep's)
x = tf.randn(2, 16, 8, 8)
Dense(32, 2)(keep(tf.randn(2, 8)))
Conv((1, 1), 16, 4)(TreeFixed()(x))
Tree()(x)  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[2, 32, 8, 8]; need size 16 at axis 1 (got 32)  [shape]
Conv((1, 1), 32, 4)(TreeFixed()(x))  # E: Conv((1, 1), 32 => 4) expects input Tensor[B, 32, H, W], got Tensor[2, 16, 8, 8]; need size 32 at axis 1 (got 16)  [shape]
Dense(16, 2)(Small()(tf.randn(2, 8)))
Small()(tf.randn(2, 16))  # E: Dense(8 => 16) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]


@tf.shapecheck
def tree(x: Tensor[B, 16, C, C]) -> Tensor[B, 16, C, C]:
    return TreeFixed()(x)


@tf.shapecheck
def tree_wrong(x: Tensor[B, 16, C, C]) -> Tensor[B, 16, C, C]:
    return Tree()(x)  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[B, 32, C, C]; need size 16 at axis 1 (got 32)  [shape]


@tf.shapecheck
def small_wrong(x: Tensor[B, 16]) -> Tensor[B, 16]:
    return Small()(x)  # E: Dense(8 => 16) expects input Tensor[..., 8], got Tensor[B, 16]; need size 8 at axis -1 (got 16)  [shape]


tree(tf.randn(3, 16, 4, 4))
tree_wrong(tf.randn(3, 16, 4, 4))
small_wrong(tf.randn(3, 16))
