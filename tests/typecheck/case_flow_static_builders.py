"""Static methods that build layers: ``self.block(3, 16)`` of a ``@staticmethod`` helper.

A ``@staticmethod`` of a class (its only decorator) that builds layers from ints is
followed as a plain helper is (factories.py): called as ``self.block(3, 16)`` or
``Encoder.block(3, 16)`` with known ints, it is typed as the layers it builds, so a model
assembled from it is checked where it is built and where it is called. Called on ``self``,
the method must not be redefined by a class of the module deriving from the class (``self``
may be that class's instance, running its own method): there it keeps mypy's type (silent,
not proven), as does a ``classmethod``. The same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


class Encoder:
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, relu, pad=1), BatchNorm(cout), MaxPool((2, 2)))

    def __init__(self) -> None:
        self.net = Chain(self.block(3, 16), self.block(16, 32), self.block(16, 64))  # E: Chain layer 3 Chain(Conv((3, 3), 16 => 64, relu, pad=1), BatchNorm(64), MaxPool((2, 2))): Chain layer 1 Conv((3, 3), 16 => 64, relu, pad=1) expects input Tensor[B, 16, H, W], got Tensor[B, 32, H'//4, W'//4]; need size 16 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, H'//4, W'//4]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


class EncoderFixed:
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, relu, pad=1), BatchNorm(cout), MaxPool((2, 2)))

    def __init__(self) -> None:
        self.net = Chain(self.block(3, 16), self.block(16, 32), self.block(32, 64))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


Encoder()(tf.randn(1, 3, 16, 16))
EncoderFixed()(tf.randn(1, 3, 16, 16))
head = Chain(EncoderFixed.block(3, 8), Dense(8, 4))
head(tf.randn(2, 3, 4, 4))  # E: Chain layer 2 Dense(8 => 4) expects input Tensor[..., 8], but layer 1 Chain(Conv((3, 3), 3 => 8, relu, pad=1), BatchNorm(8), MaxPool((2, 2))) produces Tensor[2, 8, 2, 2]; change Dense(8 => 4) to Dense(2 => 4)  [shape]


class Convs:
    @staticmethod
    def same(cin: int, cout: int) -> Chain:
        return Chain(Conv((3, 3), cin, cout, relu, pad=1), BatchNorm(cout))


@tf.shapecheck
def stem(x: Tensor[B, 4, H, W]) -> Tensor[B, 16, H, W]:
    return Convs.same(4, 8)(x)  # E: Return shape Tensor[B, 8, H, W] does not match the annotation Tensor[B, 16, H, W]: axis 1 is 8, expected 16  [shape]


@tf.shapecheck
def stem_fixed(x: Tensor[B, 4, H, W]) -> Tensor[B, 16, H, W]:
    return Convs.same(4, 16)(x)


stem(tf.randn(2, 4, 8, 8))
stem_fixed(tf.randn(2, 4, 8, 8))


# ``self.block`` where a class of the module redefines ``block``: ``self`` may be a
# ``Wide``, which builds other layers; not known, silent (a ``Narrow`` runs fine).
class Narrow:
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Dense(cin, cout), Dense(cout, 2 * cout))

    def __init__(self) -> None:
        self.net = Chain(self.block(4, 8), Dense(8, 2))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.net(x)


class Wide(Narrow):
    @staticmethod
    def block(cin: int, cout: int) -> Chain:
        return Chain(Dense(cin, cout))


Wide()(tf.randn(3, 4))


# A classmethod is not followed (its ``cls`` may be a derived class): mypy's type, silent.
class Stages:
    @classmethod
    def block(cls, cin: int, cout: int) -> Chain:
        return Chain(Dense(cin, cout), Dense(cout, cout))


Chain(Stages.block(4, 8), Dense(8, 2))(tf.randn(3, 4))
