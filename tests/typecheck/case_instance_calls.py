"""A block sized by its constructor, with a typed ``__call__``: its body checked per instance.

mypy checks ``__call__`` once, with ``self.down`` a ``Dense[Any, Any]`` (``hidden`` is an
``int``): nothing is wrong for every construction. For an instance traced to the call that
built it (``FeedForward(32, 128)``, flow_instances.py), the body is checked again with the
layers that call builds; an error only those values give is reported on its line in
``__call__`` with a note naming the construction (the run time raises it there, for any
input the annotation allows). A construction whose layers fit reports nothing. A bare
``__call__`` is the layer's rule where it is called (layer_bodies.py), now also for an
instance held in another model's attribute (``self.grow = Expand(64)``, bound once in
``__init__``) and for one built in the arguments of a ``Chain(...)`` bound once to a name.
Each with its fix, concrete and symbolic; the same lines fail at run time with the same
words.
"""

from dataclasses import dataclass
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu, relu

B = TypeVar("B", bound=int)


class FeedForward:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))  # E: Cannot broadcast for "add": x has Tensor[B, 32], y has Tensor[B, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]  # N: with the layers FeedForward(32, 128) builds (line 35)


block = FeedForward(32, 128)
block(tf.randn(4, 32))


class FeedForwardFixed:
    def __init__(self, d: int, hidden: int) -> None:
        self.pre = LayerNorm(d)
        self.expand = Dense(d, hidden, gelu)
        self.project = Dense(hidden, d)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.project(self.expand(self.pre(x)))


FeedForwardFixed(32, 128)(tf.randn(4, 32))


# A local rebound over the layers a loop built; one construction fits, the other does not.
class Tower:
    def __init__(self, width: int, depth: int) -> None:
        self.blocks = [Dense(16, width, relu)]
        for _ in range(depth - 1):
            self.blocks.append(Dense(width, width, relu))
        self.proj = Dense(16, 8)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 8]:
        h = x
        for layer in self.blocks:
            h = layer(h)
        return self.proj(h)  # E: Dense(16 => 8) expects input Tensor[..., 16], got Tensor[B, 32]; need size 16 at axis -1 (got 32)  [shape]  # N: with the layers Tower(32, 3) builds (line 69)


fits = Tower(16, 2)
fits(tf.randn(2, 16))
tall = Tower(32, 3)
tall(tf.randn(2, 16))


# Sizes from a config dataclass, the instance built in a function.
@dataclass
class Config:
    width: int
    hidden: int


class Residual:
    def __init__(self, cfg: Config) -> None:
        self.inner = Dense(cfg.width, cfg.hidden, relu)
        self.outer = Dense(cfg.hidden, cfg.hidden)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        h = self.outer(self.inner(x))
        return x + h  # E: Cannot broadcast for "add": x has Tensor[B, 16], y has Tensor[B, 48]; need equal sizes or 1 at axis -1 (16 vs 48)  [shape]  # N: with the layers Residual(Config(16, 48)) builds (line 101)


class ResidualFixed:
    def __init__(self, cfg: Config) -> None:
        self.inner_fixed = Dense(cfg.width, cfg.hidden, relu)
        self.outer_fixed = Dense(cfg.hidden, cfg.width)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        h = self.outer_fixed(self.inner_fixed(x))
        return x + h


def main() -> None:
    res = Residual(Config(16, 48))
    res(tf.randn(2, 16))


def main_fixed() -> None:
    res = ResidualFixed(Config(16, 48))
    res(tf.randn(2, 16))


main_fixed()
main()


# An instance held in another model's attribute, built there with known sizes.
class Expand:
    def __init__(self, d: int) -> None:
        self.widen = Dense(d, 2 * d, relu)
        self.settle = LayerNorm(2 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.settle(self.widen(x))


class Classifier:
    def __init__(self) -> None:
        self.grow = Expand(64)
        self.classify = Dense(64, 10)

    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 10]:
        return self.classify(self.grow(x))  # E: Dense(64 => 10) expects input Tensor[..., 64], got Tensor[B, 128]; need size 64 at axis -1 (got 128)  [shape]


class ClassifierFixed:
    def __init__(self) -> None:
        self.expand_fixed = Expand(64)
        self.classify_fixed = Dense(128, 10)

    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 10]:
        return self.classify_fixed(self.expand_fixed(x))


ClassifierFixed()(tf.randn(2, 64))
Classifier()(tf.randn(2, 64))


# Built in a Chain's arguments: the Chain, a name bound once, is checked where it is called.
class Widen:
    def __init__(self, d: int, h: int) -> None:
        self.widen_fc = Dense(d, h, relu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.widen_fc(x)


net = Chain(Widen(64, 128), Dense(64, 10))
net(tf.randn(2, 64))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Widen() produces Tensor[2, 128]; change Dense(64 => 10) to Dense(128 => 10)  [shape]
net_fixed = Chain(Widen(64, 128), Dense(128, 10))
net_fixed(tf.randn(2, 64))


# ``self`` rebound in the method: its attributes are not traced (their declared types hold).
class Rebinds:
    def __init__(self) -> None:
        self.inner_block = Widen(64, 128)

    def __call__(self, x: Tensor[B, 64]) -> tf.Tensor:
        self = Rebinds()
        return Dense(64, 10)(self.inner_block(x))
