"""Subclasses of ``Chain`` (as ``nn.Sequential`` subclasses are): the layers their
``__init__`` hands to ``super().__init__(...)``.

``class MLP(Chain)`` whose ``__init__`` is one ``super().__init__(Dense(...), ...)`` builds a
``Chain`` of those layers. A call of an instance traced to its construction (``MLP()(x)``, a
name bound once to ``MLP(16)``, ``self.body`` bound once in a model's ``__init__``) is checked
as a call of that ``Chain``, with the construction's arguments as the parameters' values; the
layers that cannot compose are reported at ``super().__init__(...)``, where they are built.
Not followed (mypy's type, silent): a subclass that defines ``__call__``, binds ``layers``,
or does more in ``__init__``; a class deriving from the subclass. The same lines fail at run
time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class MLP(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 32, relu), Dense(32, 16, relu))


mlp = MLP()
features = mlp(tf.randn(4, 8))
Dense(32, 3)(features)  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[4, 16]; need size 32 at axis -1 (got 16)  [shape]
Dense(16, 3)(features)
mlp(tf.randn(4, 6))  # E: Chain layer 1 Dense(8 => 32, relu) expects input Tensor[..., 8], got Tensor[4, 6]; need size 8 at axis -1 (got 6)  [shape]


class Head(Chain):
    """A head sized by its arguments."""

    def __init__(self, d: int, n_out: int = 10) -> None:
        super().__init__(LayerNorm(d), Dense(d, n_out))


@tf.shapecheck
def classify(x: Tensor[B, 64]) -> Tensor[B, 5]:
    return Head(64)(x)  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 5]: axis 1 is 10, expected 5  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 64]) -> Tensor[B, 5]:
    return Head(64, n_out=5)(x)


classify(tf.randn(3, 64))
classify_fixed(tf.randn(3, 64))


class Model:
    def __init__(self) -> None:
        self.body = Head(32, 4)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 4]:
        return self.body(x)  # E: Chain layer 1 LayerNorm(32) expects input Tensor[..., 32], got Tensor[B, 16]; need size 32 at axis -1 (got 16)  [shape]


Model()(tf.randn(2, 16))


class Broken(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 32), Dense(16, 4))  # E: Chain layer 2 Dense(16 => 4) expects input Tensor[..., 16], but layer 1 Dense(8 => 32) produces Tensor[B, 32]; change Dense(16 => 4) to Dense(32 => 4)  [shape]


Broken()
Broken()


class Sized(Chain):
    def __init__(self, hidden: int) -> None:
        super().__init__(Dense(8, hidden), Dense(16, 4))


Sized(16)
Sized(32)  # E: Chain layer 2 Dense(16 => 4) expects input Tensor[..., 16], but layer 1 Dense(8 => 32) produces Tensor[B, 32]; change Dense(16 => 4) to Dense(32 => 4)  [shape]


# Not followed: ``__call__`` of its own, a rebound ``layers``, more in ``__init__``, a class
# deriving from the subclass (mypy's type; these run, or fail only at run time).
class Scaled(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 4))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return super().__call__(x) * 2


class Swapped(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 4))
        self.layers = (Dense(6, 4),)


class Deeper(MLP):
    pass


Dense(4, 2)(Scaled()(tf.randn(2, 8)))
Dense(4, 2)(Swapped()(tf.randn(2, 6)))
Dense(16, 2)(Deeper()(tf.randn(2, 8)))
