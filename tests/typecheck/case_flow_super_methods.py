"""``super().method(x)`` in a user layer's method: the next definition in the MRO runs.

A subclass that wraps its base's step (``return relu(super().block(x))``), a fine-tuned
classifier whose ``__call__`` runs the backbone's (``self.head(super().__call__(x))``), and a
ResNet bottleneck that normalises its base's residual branch are read as at run time: the
definition that follows the class the call is written in, in the MRO of the instance's own
class (for ``class Both(Left, Right)``, ``super().branch(x)`` in ``Left`` runs ``Right``'s).
A mismatch is reported where the layer is called, with the run time's words.

Nothing is said when the instance's class is not known exactly (a parameter typed as the
base: a class deriving from it among several bases may put another definition next), or for
``super(Cls, self)`` with arguments. Each with its fix, concrete and symbolic; the same lines
fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class Base:
    def __init__(self, c: int) -> None:
        self.fc = Dense(c, c)
        self.wide = Dense(c, 2 * c)

    def block(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.block(x)


class Wrapped(Base):
    def block(self, x: tf.Tensor) -> tf.Tensor:
        return relu(super().block(x))  # (Base's block: c features)


class Widened(Wrapped):
    def block(self, x: tf.Tensor) -> tf.Tensor:
        return self.wide(super().block(x))  # (Wrapped's, then Base's: 2 * c features)


x = tf.randn(2, 8)
Dense(8, 2)(Wrapped(8)(x))
Dense(16, 2)(Wrapped(8)(x))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 8]; need size 16 at axis -1 (got 8)  [shape]
Dense(16, 2)(Widened(8)(x))
Dense(8, 2)(Widened(8)(x))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]


class Backbone:
    def __init__(self, d_in: int, width: int) -> None:
        self.embed = Dense(d_in, width)
        self.norm = LayerNorm(width)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.embed(x))


class Classifier(Backbone):
    def __init__(self, n_classes: int) -> None:
        super().__init__(48, 64)
        self.head = Dense(64, n_classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(super().__call__(x))


class WrongHead(Backbone):
    def __init__(self, n_classes: int) -> None:
        super().__init__(48, 64)
        self.head = Dense(48, n_classes)  # (the bug: the backbone gives 64 features)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(super().__call__(x))


logits: Tensor[4, 10] = Classifier(10)(tf.randn(4, 48))
WrongHead(10)(tf.randn(4, 48))  # E: Dense(48 => 10) expects input Tensor[..., 48], got Tensor[4, 64]; need size 48 at axis -1 (got 64)  [shape]


class Block:
    expansion = 1

    def __init__(self, cin: int, c: int) -> None:
        self.fc1 = Dense(cin, c)
        self.fc2 = Dense(c, c * self.expansion)
        self.short = Dense(cin, c * self.expansion)

    def residual(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(relu(self.fc1(x)))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return relu(self.residual(x) + self.short(x))


class Bottleneck(Block):
    expansion = 4

    def __init__(self, cin: int, c: int) -> None:
        super().__init__(cin, c)
        self.norm = LayerNorm(c * 4)

    def residual(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(super().residual(x))


class NarrowBottleneck(Block):
    expansion = 4

    def __init__(self, cin: int, c: int) -> None:
        super().__init__(cin, c)
        self.norm = LayerNorm(c)  # (the bug: the branch is 4 * c wide here)

    def residual(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(super().residual(x))


Dense(32, 2)(Bottleneck(16, 8)(tf.randn(2, 16)))
NarrowBottleneck(16, 8)(tf.randn(2, 16))  # E: LayerNorm(8) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]


@tf.shapecheck
def bottleneck(x: Tensor[B, 16]) -> Tensor[B, 32]:
    return Bottleneck(16, 8)(x)


@tf.shapecheck
def bottleneck_wrong(x: Tensor[B, 16]) -> Tensor[B, 8]:
    return Bottleneck(16, 8)(x)  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 8]: axis 1 is 32, expected 8  [shape]


bottleneck(tf.randn(3, 16))
bottleneck_wrong(tf.randn(3, 16))


class Gate:
    def __init__(self) -> None:
        self.keep = Dense(8, 8)
        self.grow = Dense(8, 16)

    def branch(self, x: tf.Tensor) -> tf.Tensor:
        return self.keep(x)


class Left(Gate):
    def branch(self, x: tf.Tensor) -> tf.Tensor:
        return relu(super().branch(x))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.branch(x)


class Right(Gate):
    def branch(self, x: tf.Tensor) -> tf.Tensor:
        return self.grow(x)


class Both(Left, Right):  # (its MRO: Both, Left, Right, Gate: Left's super() is Right)
    pass


Dense(8, 2)(Left()(tf.randn(2, 8)))
Dense(16, 2)(Both()(tf.randn(2, 8)))
Dense(8, 2)(Both()(tf.randn(2, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]


def through(m: Left) -> None:
    Dense(16, 2)(m(tf.randn(2, 8)))  # (a Both gives 16 features, a Left 8: nothing said)


through(Both())


class Named(Base):
    def block(self, x: tf.Tensor) -> tf.Tensor:
        return super(Named, self).block(x)  # (super with arguments: not followed)


Dense(8, 2)(Named(8)(x))


def named_wrong() -> None:
    Dense(16, 2)(Named(8)(x))  # (8 features at run time: nothing said)
