"""Blocks that share a base class and differ in a method: a model zoo's ResNet blocks.

``BasicBlock`` and ``Bottleneck`` share ``Block``'s ``__init__`` and ``__call__``; each
says how wide it grows with a class attribute (``expansion = 4`` over the base's
``expansion = 1``, read as ``self.expansion`` in the inherited ``__init__``) and what its
residual branch does (``self.residual(x)`` in the base's ``__call__`` runs the subclass's
own method). A middle class with no ``__init__`` of its own passes the grandparent's on; a
layer held in a class attribute of the base is read in the subclass. A mismatch is reported
where the block is called, as at run time.

An instance whose class is not known exactly (a parameter typed as the base) is read with
the methods every class of the module that derives from it would run: a grandchild that
redefines a method the class inherits, or a second base whose method the MRO puts first,
and nothing is said of that method (the run time may run either). Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


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


class BasicBlock(Block):
    pass


class Bottleneck(Block):
    expansion = 4

    def __init__(self, cin: int, c: int) -> None:
        super().__init__(cin, c)
        self.norm = LayerNorm(c * 4)

    def residual(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.fc2(relu(self.fc1(x))))


class NarrowBottleneck(Block):
    expansion = 4

    def __init__(self, cin: int, c: int) -> None:
        super().__init__(cin, c)
        self.norm = LayerNorm(c)  # (the bug: the branch is 4 * c wide here)

    def residual(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.fc2(relu(self.fc1(x))))


class Stem:
    act = Dense(8, 8)

    def __init__(self, cin: int) -> None:
        self.proj = Dense(cin, 8)


class Plain(Stem):
    pass


class Final(Plain):
    def __init__(self, cin: int, n: int) -> None:
        super().__init__(cin)
        self.head = Dense(8, n)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.act(self.proj(x)))


x = tf.randn(2, 16)
Dense(8, 2)(BasicBlock(16, 8)(x))
Dense(32, 2)(Bottleneck(16, 8)(x))
Dense(8, 2)(Bottleneck(16, 8)(x))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
NarrowBottleneck(16, 8)(x)  # E: LayerNorm(8) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
Dense(3, 2)(Final(16, 3)(x))
Final(12, 3)(x)  # E: Dense(12 => 8) expects input Tensor[..., 12], got Tensor[2, 16]; need size 12 at axis -1 (got 16)  [shape]


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


class Gated(Gate):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.branch(x)


class Grown(Gated):
    def branch(self, x: tf.Tensor) -> tf.Tensor:
        return self.grow(x)  # (a Grown given where a Gated is expected runs this one)


class Wider(Gate):
    def branch(self, x: tf.Tensor) -> tf.Tensor:
        return self.grow(x)


class Mixed(Gated, Wider):  # (its MRO: Mixed, Gated, Wider, Gate: Wider's branch runs)
    pass


def through(m: Gated) -> None:
    Dense(16, 2)(m(tf.randn(2, 8)))  # (a Grown or a Mixed gives 16 features: nothing said)


through(Grown())
through(Mixed())
Dense(8, 2)(Gated()(tf.randn(2, 8)))
Dense(16, 2)(Grown()(tf.randn(2, 8)))
Dense(8, 2)(Grown()(tf.randn(2, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
