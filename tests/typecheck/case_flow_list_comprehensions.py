"""List attributes built by a comprehension in ``__init__``: ``self.blocks = [Dense(w, w) for
_ in range(depth)]``, then looped over in ``__call__``.

A comprehension with one ``for`` and no condition, over a sequence known on the
construction's values (``range(depth)``, ``zip(widths, widths[1:])`` of a list known there),
makes a list of its items, each typed with that iteration's values, as a list display or a
loop of ``append``s does (flow_run.py). A model traced to its construction then runs its
``__call__`` over those layers (a bare ``Tensor`` body: its rule; a typed one: checked per
construction). Not followed (silent): a count not known (``range(n)`` of a plain ``int``), a
comprehension with an ``if``, and a list changed or passed on after ``__init__``. The same
lines fail at run time with the same words.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


class Tower:
    def __init__(self, width: int, depth: int) -> None:
        self.blocks = [Dense(width, width, gelu) for _ in range(depth)]
        self.norm = LayerNorm(2 * width)

    def __call__(self, x: Tensor) -> Tensor:
        for block in self.blocks:
            x = x + block(x)
        return self.norm(x)


class TowerFixed:
    def __init__(self, width: int, depth: int) -> None:
        self.blocks = [Dense(width, width, gelu) for _ in range(depth)]
        self.norm = LayerNorm(width)

    def __call__(self, x: Tensor) -> Tensor:
        for block in self.blocks:
            x = x + block(x)
        return self.norm(x)


tower = Tower(16, 3)
tower(tf.randn(2, 16))  # E: LayerNorm(32) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]
TowerFixed(16, 3)(tf.randn(2, 16))


class Funnel:
    def __init__(self, widths: List[int]) -> None:
        self.stages = [Dense(a, b, gelu) for a, b in zip(widths, widths[1:])]

    def __call__(self, x: Tensor) -> Tensor:
        for stage in self.stages:
            x = stage(x)
        return x


@tf.shapecheck
def encode(x: Tensor[B, 64]) -> Tensor[B, 8]:
    return Funnel([64, 32, 16])(x)  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8  [shape]


@tf.shapecheck
def encode_fixed(x: Tensor[B, 64]) -> Tensor[B, 8]:
    return Funnel([64, 32, 16, 8])(x)


encode(tf.randn(2, 64))
encode_fixed(tf.randn(2, 64))


class Widening:
    def __init__(self, base: int, depth: int) -> None:
        self.steps = [Dense(base * (i + 1), base * (i + 2)) for i in range(depth)]

    def __call__(self, x: Tensor) -> Tensor:
        for step in self.steps:
            x = step(x)
        return x


Dense(40, 2)(Widening(8, 3)(tf.randn(2, 8)))  # E: Dense(40 => 2) expects input Tensor[..., 40], got Tensor[2, 32]; need size 40 at axis -1 (got 32)  [shape]
Dense(32, 2)(Widening(8, 3)(tf.randn(2, 8)))


# Not followed: a count not known, a condition, a list changed after ``__init__``.
def unknown_depth(n: int) -> None:
    Tower(16, n)(tf.randn(2, 16))


class Filtered:
    def __init__(self, width: int) -> None:
        self.blocks = [Dense(width, width) for i in range(4) if i % 2 == 0]
        self.norm = LayerNorm(2 * width)

    def __call__(self, x: Tensor) -> Tensor:
        for block in self.blocks:
            x = x + block(x)
        return self.norm(x)


class Grown:
    def __init__(self, width: int) -> None:
        self.blocks = [Dense(width, width) for _ in range(2)]

    def grow(self) -> None:
        self.blocks.append(Dense(self.blocks[0].weight.shape[0], 4))

    def __call__(self, x: Tensor) -> Tensor:
        for block in self.blocks:
            x = block(x)
        return x


grown = Grown(8)
grown.grow()
Dense(8, 2)(grown(tf.randn(2, 8)))
