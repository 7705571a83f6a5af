"""Sizes a constructor computes through a true division rounded back: ``int(8 * d / 3)``.

A LLaMA-style SwiGLU block sizes its hidden width as ``16 * ((int(8 * d / 3) + 15) // 16)``
(8d/3 rounded up to a multiple of 16); ``math.ceil(n / 2)``, ``math.floor`` and ``round`` of
a division are the other usual spellings. For a construction with known ints these are
computed as Python computes them (the float stays inside the rounding), so the layers get
their sizes and a down projection written with the usual ``4 * d`` is reported at the call.
Each with its fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

import math
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, sigmoid

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class SwiGLU:
    def __init__(self, d: int, down_in: int) -> None:
        hidden = 16 * ((int(8 * d / 3) + 15) // 16)
        self.w1 = Dense(d, hidden, bias=False)
        self.w3 = Dense(d, hidden, bias=False)
        self.w2 = Dense(down_in, d, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a = self.w1(x)
        return self.w2(a * sigmoid(a) * self.w3(x))


class HalfWidth:
    def __init__(self, d: int) -> None:
        half = math.ceil(d / 2)
        third = round(d / 3)
        self.down = Dense(d, half)
        self.mix = Dense(half, third)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.mix(self.down(x))


mlp = SwiGLU(24, 4 * 24)
mlp(tf.randn(2, 4, 24))  # E: Dense(96 => 24, bias=False) expects input Tensor[..., 96], got Tensor[2, 4, 64]; need size 96 at axis -1 (got 64)  [shape]
SwiGLU(24, 64)(tf.randn(2, 4, 24))
Dense(7, 2)(HalfWidth(13)(tf.randn(3, 13)))  # E: Dense(7 => 2) expects input Tensor[..., 7], got Tensor[3, 4]; need size 7 at axis -1 (got 4)  [shape]
Dense(4, 2)(HalfWidth(13)(tf.randn(3, 13)))


@tf.shapecheck
def feed(x: Tensor[B, T, 24]) -> Tensor:
    return mlp(x)  # E: Dense(96 => 24, bias=False) expects input Tensor[..., 96], got Tensor[B, T, 64]; need size 96 at axis -1 (got 64)  [shape]


@tf.shapecheck
def feed_fixed(x: Tensor[B, T, 24]) -> Tensor[B, T, 24]:
    return SwiGLU(24, 64)(x)


feed_fixed(tf.randn(2, 4, 24))
feed(tf.randn(2, 4, 24))
