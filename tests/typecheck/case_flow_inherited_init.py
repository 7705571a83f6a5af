"""Blocks whose layers an inherited ``__init__`` builds: a subclass with none of its own, or
one calling ``super().__init__(...)`` first.

Model zoos share a constructor through a base class (a ResNet ``BasicBlock`` and its
variants, a config-driven base): ``class Pre(Base)`` with no ``__init__`` is built by
``Base.__init__``; ``class Wide(Base)`` runs ``super().__init__(c)`` and adds its own layers.
The flow runs the constructor the instance is built by (the base's, or the subclass's with
the base's run in place of its ``super().__init__(...)`` call) on the construction's values,
so the subclass's ``__call__`` body reads the layers the base built (``Base.__init__(self,
c)``, the older spelling, too; and ``self.inner`` a base's ``__init__`` binds, read in a
subclass's typed ``__call__``); an instance declared as
its base (``gate: Gate = Grown(24)``) runs the subclass's own ``__call__``, so the base's is not
read for it. A mismatch in the body is reported at the call, as at run time. Each with its fix, concrete and symbolic; the same
lines fail at run time with the same words.
"""

from dataclasses import dataclass
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class Base:
    def __init__(self, c: int) -> None:
        self.norm = LayerNorm(c)
        self.fc = Dense(c, c)


class Pre(Base):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.fc(self.norm(x))


class Wide(Base):
    def __init__(self, c: int, mult: int = 2) -> None:
        super().__init__(c)
        self.up = Dense(c, mult * c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.up(relu(self.fc(self.norm(x))))


class Wider(Wide):
    def __init__(self, c: int) -> None:
        super().__init__(c, mult=4)
        self.down = Dense(4 * c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.down(self.up(self.norm(x)))


@dataclass(frozen=True)
class Config:
    d_model: int = 24
    d_out: int = 10


class Head:
    def __init__(self, cfg: Config) -> None:
        self.proj = Dense(cfg.d_model, cfg.d_out)


class LinearHead(Head):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


class Old(Base):
    def __init__(self, c: int) -> None:
        Base.__init__(self, c)  # (the older spelling of super().__init__(c))
        self.out = Dense(c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(self.fc(self.norm(x)))


class Inner:
    def __init__(self, c: int) -> None:
        self.fc = Dense(c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Holder:
    def __init__(self) -> None:
        self.inner = Inner(16)


class Typed(Holder):
    def __init__(self) -> None:
        super().__init__()
        self.out = Dense(24, 2)

    def __call__(self, x: Tensor[B, 24]) -> Tensor[B, 2]:
        return self.out(self.inner(x))  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[B, 24]; need size 16 at axis -1 (got 24)  [shape]


class TypedFixed(Holder):
    def __init__(self) -> None:
        super().__init__()
        self.out = Dense(16, 2)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 2]:
        return self.out(self.inner(x))


class Gate:
    def __init__(self, c: int) -> None:
        self.keep = Dense(c, c)
        self.grow = Dense(c, 2 * c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.keep(x)


class Grown(Gate):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.grow(x)


cfg = Config()
gate: Gate = Grown(24)  # (a Grown: its own __call__ runs, not Gate's)
x = tf.randn(2, 24)
Dense(24, 2)(Pre(24)(x))
Pre(12)(x)  # E: LayerNorm(12) expects input Tensor[..., 12], got Tensor[2, 24]; need size 12 at axis -1 (got 24)  [shape]
Dense(48, 2)(Wide(24)(x))
Dense(24, 2)(Wide(24)(x))  # E: Dense(24 => 2) expects input Tensor[..., 24], got Tensor[2, 48]; need size 24 at axis -1 (got 48)  [shape]
Dense(24, 2)(Wider(24)(x))
Wider(12)(x)  # E: LayerNorm(12) expects input Tensor[..., 12], got Tensor[2, 24]; need size 12 at axis -1 (got 24)  [shape]
Dense(10, 2)(LinearHead(cfg)(x))
Dense(3, 2)(Old(24)(x))
Old(12)(x)  # E: LayerNorm(12) expects input Tensor[..., 12], got Tensor[2, 24]; need size 12 at axis -1 (got 24)  [shape]
Dense(2, 2)(TypedFixed()(tf.randn(2, 16)))
Typed()(x)
Dense(48, 2)(gate(x))
Dense(48, 2)(Grown(24)(x))
Dense(24, 2)(Grown(24)(x))  # E: Dense(24 => 2) expects input Tensor[..., 24], got Tensor[2, 48]; need size 24 at axis -1 (got 48)  [shape]
Dense(24, 2)(LinearHead(cfg)(x))  # E: Dense(24 => 2) expects input Tensor[..., 24], got Tensor[2, 10]; need size 24 at axis -1 (got 10)  [shape]


@tf.shapecheck
def pre(x: Tensor[B, 24]) -> Tensor[B, 24]:
    return Pre(24)(x)


@tf.shapecheck
def pre_wrong(x: Tensor[B, 24]) -> Tensor[B, 24]:
    return Pre(12)(x)  # E: LayerNorm(12) expects input Tensor[..., 12], got Tensor[B, 24]; need size 12 at axis -1 (got 24)  [shape]


@tf.shapecheck
def wider(x: Tensor[B, 24]) -> Tensor[B, 24]:
    return Wider(24)(x)


@tf.shapecheck
def wide_wrong(x: Tensor[B, 24]) -> Tensor[B, 24]:
    return Wide(24)(x)  # E: Return shape Tensor[B, 48] does not match the annotation Tensor[B, 24]: axis 1 is 48, expected 24  [shape]


pre(tf.randn(3, 24))
pre_wrong(tf.randn(3, 24))
wider(tf.randn(3, 24))
wide_wrong(tf.randn(3, 24))
