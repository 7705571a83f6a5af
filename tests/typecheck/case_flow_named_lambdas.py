"""A lambda bound to a name, then used as a layer: ``flatten = lambda x: x.reshape(...)``.

mypy types the name as ``def (x: Any) -> Any``, which says nothing of shapes; the lambda it
holds (the one statement binding the name in its scope: the module, or the function being
checked) is read as the same lambda written inline is (its body is its rule), so the layers
after it keep their sizes. A name bound twice keeps mypy's type: silent. Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)

flatten = lambda x: x.reshape(x.shape[0], -1)  # noqa: E731
double = lambda h: tf.cat(h, h, axis=-1)  # noqa: E731

cnn = Chain(Conv((3, 3), 1, 4, relu, pad=1), MaxPool((2, 2)), flatten, Dense(4 * 8 * 8, 10))
cnn_fixed = Chain(Conv((3, 3), 1, 4, relu, pad=1), MaxPool((2, 2)), flatten, Dense(4 * 4 * 4, 10))
cnn(tf.randn(2, 1, 8, 8))  # E: Chain layer 4 Dense(256 => 10) expects input Tensor[..., 256], but layer 3 <lambda> produces Tensor[2, 64]; change Dense(256 => 10) to Dense(64 => 10)  [shape]
cnn_fixed(tf.randn(2, 1, 8, 8))

wide = Chain(Dense(6, 8), double, Dense(8, 3))
wide_fixed = Chain(Dense(6, 8), double, Dense(16, 3))


def widen(x: Tensor[B, 6]) -> Tensor[B, 3]:
    return wide(x)  # E: Chain layer 3 Dense(8 => 3) expects input Tensor[..., 8], but layer 2 <lambda> produces Tensor[B, 16]; change Dense(8 => 3) to Dense(16 => 3)  [shape]


def widen_fixed(x: Tensor[B, 6]) -> Tensor[B, 3]:
    return wide_fixed(x)


widen(tf.randn(4, 6))
widen_fixed(tf.randn(4, 6))


def local_lambda(x: Tensor[B, 3, 4]) -> Tensor[B, 2]:
    squash = lambda t: t.reshape(t.shape[0], -1)  # noqa: E731
    return Chain(squash, Dense(4, 2))(x)  # E: Chain layer 2 Dense(4 => 2) expects input Tensor[..., 4], but layer 1 <lambda> produces Tensor[B, 12]; change Dense(4 => 2) to Dense(12 => 2)  [shape]


def local_lambda_fixed(x: Tensor[B, 3, 4]) -> Tensor[B, 2]:
    squash = lambda t: t.reshape(t.shape[0], -1)  # noqa: E731
    return Chain(squash, Dense(12, 2))(x)


local_lambda(tf.randn(5, 3, 4))
local_lambda_fixed(tf.randn(5, 3, 4))

residual = lambda mx, x: tf.cat(mx, x, axis=-1)  # noqa: E731
skip = SkipConnection(Dense(4, 4), residual)
Chain(skip, Dense(4, 2))(tf.randn(3, 4))  # E: Chain layer 2 Dense(4 => 2) expects input Tensor[..., 4], but layer 1 SkipConnection(Dense(4 => 4), <lambda>) produces Tensor[B, 8]; change Dense(4 => 2) to Dense(8 => 2)  [shape]
Chain(skip, Dense(8, 2))(tf.randn(3, 4))

# Bound twice: the name may hold either lambda where the Chain is called (unknown, silent).
rebound = lambda x: x.reshape(x.shape[0], -1)  # noqa: E731
rebound = lambda x: x  # noqa: E731
Chain(rebound, Dense(7, 2))
