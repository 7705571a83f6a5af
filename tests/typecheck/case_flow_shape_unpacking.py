"""Bare ``__call__`` bodies that read their input's sizes: ``b, c, h, w = x.shape``.

Model-zoo code names an image's sizes first (``b, c, h, w = x.shape``, or ``n = x.shape[1]``)
and builds the reshapes from them (``x.reshape(b, c, h * w)``, ``.reshape(b, c, h, w)``).
For an instance traced to the call that built it, the body runs on the call's shapes: the
names hold those sizes (a size, or a symbol such as ``B``), ``h * w`` is their product, so
the reshapes and every layer after them are checked and a mismatch is reported at the call.
An attention scale ``c ** 0.5`` is a number. Each with its fix, concrete and symbolic; the
same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class SpatialCrossAttention:
    def __init__(self, c: int, ctx: int) -> None:
        self.to_q = Dense(c, c, bias=False)
        self.to_k = Dense(ctx, c, bias=False)
        self.to_v = Dense(ctx, c, bias=False)

    def __call__(self, x: tf.Tensor, context: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        tokens = x.reshape(b, c, h * w).transpose(0, 2, 1)
        att = tf.softmax(self.to_q(tokens) @ self.to_k(context).transpose(0, 2, 1) / c ** 0.5)
        out = att @ self.to_v(context)
        return x + out.transpose(0, 2, 1).reshape(b, c, h, w)


wrong = SpatialCrossAttention(32, 32)
wrong(tf.randn(2, 32, 4, 4), tf.randn(2, 77, 64))  # E: Dense(32 => 32, bias=False) expects input Tensor[..., 32], got Tensor[2, 77, 64]; need size 32 at axis -1 (got 64)  [shape]
block = SpatialCrossAttention(32, 64)
attended = block(tf.randn(2, 32, 4, 4), tf.randn(2, 77, 64))
Dense(16, 2)(attended)  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 32, 4, 4]; need size 16 at axis -1 (got 4)  [shape]
Dense(4, 2)(attended)


class PatchHead:
    def __init__(self, flat: int) -> None:
        self.fc = Dense(flat, 10)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        n = x.shape[1]
        return self.fc(x.reshape(b, n * h * w // (c // n)))


PatchHead(4 * 8 * 8)(tf.randn(2, 4, 4, 4))  # E: Dense(256 => 10) expects input Tensor[..., 256], got Tensor[2, 64]; need size 256 at axis -1 (got 64)  [shape]
logits = PatchHead(4 * 4 * 4)(tf.randn(2, 4, 4, 4))
Dense(64, 2)(logits)  # E: Dense(64 => 2) expects input Tensor[..., 64], got Tensor[2, 10]; need size 64 at axis -1 (got 10)  [shape]
Dense(10, 2)(logits)


@tf.shapecheck
def attend(x: Tensor[B, 32, 4, 4], ctx: Tensor[B, T, 64]) -> Tensor[B, 32, 4, 4]:
    return wrong(x, ctx)  # E: Dense(32 => 32, bias=False) expects input Tensor[..., 32], got Tensor[B, T, 64]; need size 32 at axis -1 (got 64)  [shape]


@tf.shapecheck
def attend_fixed(x: Tensor[B, 32, 4, 4], ctx: Tensor[B, T, 64]) -> Tensor[B, 32, 4, 4]:
    return block(x, ctx)


@tf.shapecheck
def classify(x: Tensor[B, 4, 4, 4]) -> Tensor[B, 10]:
    return PatchHead(256)(x)  # E: Dense(256 => 10) expects input Tensor[..., 256], got Tensor[B, 64]; need size 256 at axis -1 (got 64)  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 4, 4, 4]) -> Tensor[B, 10]:
    return PatchHead(64)(x)


attend_fixed(tf.randn(3, 32, 4, 4), tf.randn(3, 7, 64))
classify_fixed(tf.randn(3, 4, 4, 4))
attend(tf.randn(3, 32, 4, 4), tf.randn(3, 7, 64))
classify(tf.randn(3, 4, 4, 4))
