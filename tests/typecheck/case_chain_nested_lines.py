"""A fault that only the enclosing Chain's input proves, in a Chain written inside it (held by
a SkipConnection, at any depth), is reported on the line of the failing layer, where it is
written, not on the line of the outer Chain's layer holding it; the message is the same (the
run time raises it where the outer Chain is built). A nested Chain that proves its own fault
reports it itself, on that layer's line too. So is a branch of a multi-line Parallel inside a
multi-line Chain that refuses the input the Chain gives it (it was reported on the Parallel's
opening line)."""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def join(a: Tensor[B, N], b: Tensor[B, M]) -> Tensor[B, "N+M"]:
    return tf.concat([a, b], axis=1)


deep = Chain(
    Dense(8, 16, relu),
    SkipConnection(
        Chain(
            Parallel(join, Chain(LayerNorm(16), Dense(16, 8)), Chain(LayerNorm(16), Dense(16, 4))),
            Dense(16, 16),  # E: Chain layer 2 SkipConnection(Chain(Parallel(join, Chain(LayerNorm(16), Dense(16 => 8)), Chain(LayerNorm(16), Dense(16 => 4))), Dense(16 => 16)), add): Chain layer 2 Dense(16 => 16) expects input Tensor[..., 16], but layer 1 Parallel(join, Chain(LayerNorm(16), Dense(16 => 8)), Chain(LayerNorm(16), Dense(16 => 4))) produces Tensor[B, 12]; change Dense(16 => 16) to Dense(12 => 16)  [shape]  # N: input to layer 2: Tensor[B, 16]
        ),
        tf.add,
    ),
)
deep_fixed = Chain(
    Dense(8, 16, relu),
    SkipConnection(
        Chain(
            Parallel(join, Chain(LayerNorm(16), Dense(16, 8)), Chain(LayerNorm(16), Dense(16, 4))),
            Dense(12, 16),
        ),
        tf.add,
    ),
)
direct = Chain(
    Dense(8, 12),
    Chain(
        Dense(12, 12, relu),
        LayerNorm(16),  # E: Chain layer 2 LayerNorm(16) expects input Tensor[..., 16], but layer 1 Dense(12 => 12, relu) produces Tensor[B, 12]; change LayerNorm(16) to LayerNorm(12)  [shape]
    ),
)
direct_fixed = Chain(
    Dense(8, 12),
    Chain(
        Dense(12, 12, relu),
        LayerNorm(12),
    ),
)
branches = Chain(
    Dense(8, 16, relu),
    Parallel(
        tf.add,
        Dense(16, 16),
        Dense(8, 16),  # E: Chain layer 2 Parallel(add, Dense(16 => 16), Dense(8 => 16)): Dense(8 => 16) expects input Tensor[..., 8], got Tensor[B, 16]; need size 8 at axis -1 (got 16)  [shape]  # N: input to layer 2: Tensor[B, 16]
    ),
)
branches_fixed = Chain(
    Dense(8, 16, relu),
    Parallel(
        tf.add,
        Dense(16, 16),
        Dense(16, 16),
    ),
)


def inception(x: Tensor[B, 3, N, M]) -> Tensor:
    stem = Chain(
        tf.Conv((3, 3), 3, 24, relu, pad=1),
        Parallel(
            tf.add,
            tf.Conv((1, 1), 24, 24, relu),
            tf.Conv((5, 5), 3, 24, relu, pad=2),  # E: Chain layer 2 Parallel(add, Conv((1, 1), 24 => 24, relu), Conv((5, 5), 3 => 24, relu, pad=2)): Conv((5, 5), 3 => 24, relu, pad=2) expects input Tensor[B, 3, H, W], got Tensor[B, 24, H', W']; need size 3 at axis 1 (got 24)  [shape]  # N: input to layer 2: Tensor[B, 24, H', W']
        ),
    )
    return stem(x)


def inception_fixed(x: Tensor[B, 3, N, M]) -> Tensor:
    stem = Chain(
        tf.Conv((3, 3), 3, 24, relu, pad=1),
        Parallel(
            tf.add,
            tf.Conv((1, 1), 24, 24, relu),
            tf.Conv((5, 5), 24, 24, relu, pad=2),
        ),
    )
    return stem(x)


deep_fixed(tf.randn(2, 8))
direct_fixed(tf.randn(2, 8))
branches_fixed(tf.randn(2, 8))
inception(tf.randn(1, 3, 8, 8))
inception_fixed(tf.randn(1, 3, 8, 8))
