"""A DenseNet block: three dense layers, each a residual whose typed join concatenates its
new feature maps to its input (C+K channels), then a transition layer sized as if the
block had grown by two layers only."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MeanPool, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
K = TypeVar("K", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
GROWTH = 12


def dense_join(new: Tensor[B, K, H, W], old: Tensor[B, C, H, W]) -> Tensor[B, "C+K", H, W]:
    return tf.cat(old, new, axis=1)


def dense_layer(cin: int) -> SkipConnection:
    return SkipConnection(
        Chain(BatchNorm(cin), relu, Conv((1, 1), cin, 4 * GROWTH),
              BatchNorm(4 * GROWTH), relu, Conv((3, 3), 4 * GROWTH, GROWTH, pad=1)),
        dense_join,
    )


block = Chain(
    dense_layer(24),
    dense_layer(36),
    dense_layer(48),
    BatchNorm(60),
    relu,
    Conv((1, 1), 48, 30),  # BUG[gap checker: a Chain of SkipConnections joined by a typed user function (Tensor[B, K, H, W], Tensor[B, C, H, W] -> Tensor[B, "C+K", H, W]) built by a helper: the transition conv's channel mismatch, which fails for every input, is reported where the Chain is called, not where it is built (by both checkers)]
    MeanPool((2, 2)),
)
print(block(tf.randn(2, 24, 8, 8)).shape)  # E: Chain layer 6 Conv((1, 1), 48 => 30) expects input Tensor[B, 48, H, W], but layer 5 relu produces Tensor[2, 60, 8, 8]; change Conv((1, 1), 48 => 30) to Conv((1, 1), 60 => 30)  [shape]
