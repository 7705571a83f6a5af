"""A model class generic in its width: ``Stack(16, 3)`` of ``class Stack(Generic[D])``.

``__init__(self, d: D, depth: int)`` takes the width and ``__call__(self, x: Tensor[B, D]) ->
Tensor[B, D]`` keeps it. mypy infers ``D`` from the literal ``16`` as ``int``, so a call's
result would be ``Tensor[2, int]`` and the layer after it unchecked. For an instance traced
to its construction, the call's result has the size the construction gave (``Tensor[2,
16]``); the instance keeps mypy's type (``Stack[int]``, accepted where ``Stack[int]`` is
declared). A block generic in its channels (``IdentityBlock(Generic[C])``, ``__init__(self,
planes: C)``, ``__call__(self, x: Tensor[B, C, H, W])``) built as ``IdentityBlock(8)`` and
called on 4 channels is accepted by mypy (``C`` is ``int``), but its body then runs on
convolutions built for 8: that error is reported at the call, in the run time's words. Each
with its fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


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



class IdentityBlock(Generic[C]):
    def __init__(self, planes: C) -> None:
        self.conv1 = Conv((3, 3), planes, planes, relu, pad=1)
        self.conv2 = Conv((3, 3), planes, planes, pad=1)

    def __call__(self, x: Tensor[B, C, H, W]) -> Tensor[B, C, H, W]:
        return relu(self.conv2(self.conv1(x)) + x)


block = IdentityBlock(8)
block(tf.randn(2, 4, 16, 16))  # E: Conv((3, 3), 8 => 8, relu, pad=1) expects input Tensor[B, 8, H, W], got Tensor[2, 4, 16, 16]; need size 8 at axis 1 (got 4)  [shape]
block(tf.randn(2, 8, 16, 16))
IdentityBlock(4)(tf.randn(2, 4, 16, 16))


@tf.shapecheck
def refine(x: Tensor[B, 4, H, W]) -> Tensor:
    return block(x)  # E: Conv((3, 3), 8 => 8, relu, pad=1) expects input Tensor[B, 8, H, W], got Tensor[B, 4, H, W]; need size 8 at axis 1 (got 4)  [shape]


@tf.shapecheck
def refine_fixed(x: Tensor[B, 8, H, W]) -> Tensor:
    return block(x)


@tf.shapecheck
def classify(x: Tensor[B, 16]) -> Tensor[B, 2]:
    return Dense(8, 2)(stack(x))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[B, 16]; need size 8 at axis -1 (got 16)  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 16]) -> Tensor[B, 2]:
    return Dense(16, 2)(stack(x))


classify_fixed(tf.randn(3, 16))
refine_fixed(tf.randn(1, 8, 4, 4))
refine(tf.randn(1, 4, 4, 4))
classify(tf.randn(3, 16))
