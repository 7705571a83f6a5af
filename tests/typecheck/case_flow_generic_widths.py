"""A model class generic in its width: ``Stack(16, 3)`` of ``class Stack(Generic[D])``.

``__init__(self, d: D, depth: int)`` takes the width and ``__call__(self, x: Tensor[B, D]) ->
Tensor[B, D]`` keeps it. mypy infers ``D`` from the literal ``16`` as ``int``, so a call's
result would be ``Tensor[2, int]`` and the layer after it unchecked. For an instance traced
to its construction, the call's result has the size the construction gave (``Tensor[2,
16]``); the instance keeps mypy's type (``Stack[int]``, accepted where ``Stack[int]`` is
declared). Each with its fix, concrete and symbolic; the same lines fail at run time with
the same words.
"""

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


class Stack(Generic[D]):
    def __init__(self, d: D, depth: int) -> None:
        self.blocks = [Dense(d, d) for _ in range(depth)]

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]:
        for blk in self.blocks:
            x = blk(x)
        return x


def width_of(s: Stack[int]) -> int:
    return len(s.blocks)


stack = Stack(16, 3)
Dense(8, 2)(stack(tf.randn(2, 16)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
Dense(16, 2)(stack(tf.randn(2, 16)))
Dense(8, 2)(Stack(32, 1)(tf.randn(4, 32)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[4, 32]; need size 8 at axis -1 (got 32)  [shape]
Dense(32, 2)(Stack(32, 1)(tf.randn(4, 32)))
declared: Stack[int] = Stack(32, 1)
width_of(stack)


@tf.shapecheck
def classify(x: Tensor[B, 16]) -> Tensor[B, 2]:
    return Dense(8, 2)(stack(x))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[B, 16]; need size 8 at axis -1 (got 16)  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 16]) -> Tensor[B, 2]:
    return Dense(16, 2)(stack(x))


classify_fixed(tf.randn(3, 16))
classify(tf.randn(3, 16))
