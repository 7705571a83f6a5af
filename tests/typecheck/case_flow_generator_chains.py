"""A generator expression unpacked into a Chain: ``Chain(*(Dense(W, W) for _ in range(3)))``.

Read as the list comprehension written in its place is (callbacks/repeated.py): over
``range`` of a known length with no condition, every layer is the item's type; over a
sequence known before run time (``zip(sizes, sizes[1:])``), each item is typed with that
iteration's values. The layers written after it keep their sizes. An unknown count or a
condition keeps mypy's type (a Chain of unknown layers: silent). Each with its fix, concrete
and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

WIDTH = 48
stack = Chain(
    Dense(12, WIDTH, relu),
    *(Dense(WIDTH, WIDTH, relu) for _ in range(3)),
    Dense(12, 2),  # E: Chain layer 5 Dense(12 => 2) expects input Tensor[..., 12], but layer 4 Dense(48 => 48, relu) produces Tensor[B, 48]; change Dense(12 => 2) to Dense(48 => 2)  [shape]
)
stack_fixed = Chain(
    Dense(12, WIDTH, relu),
    *(Dense(WIDTH, WIDTH, relu) for _ in range(3)),
    Dense(WIDTH, 2),
)
stack_fixed(tf.randn(3, 12))

sizes = [8, 16, 32]
tower = Chain(*(Dense(a, b, relu) for a, b in zip(sizes, sizes[1:])))
tower_fixed = Chain(*(Dense(a, b, relu) for a, b in zip(sizes, sizes[1:])), Dense(32, 4))


def run(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return Chain(tower, Dense(16, 4))(x)  # E: Chain layer 2 Dense(16 => 4) expects input Tensor[..., 16], but layer 1 Chain(Dense(8 => 16, relu), Dense(16 => 32, relu)) produces Tensor[B, 32]; change Dense(16 => 4) to Dense(32 => 4)  [shape]


def run_fixed(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return tower_fixed(x)


run(tf.randn(2, 8))
run_fixed(tf.randn(2, 8))


def unknown_count(n: int) -> Chain:
    # ``range(n)`` of a plain int: how many layers is not known (silent).
    return Chain(Dense(4, 8), *(Dense(8, 8) for _ in range(n)), Dense(8, 2))


def conditional(flags: list) -> Chain:
    return Chain(*(Dense(8, 8) for f in flags if f), Dense(3, 2))
