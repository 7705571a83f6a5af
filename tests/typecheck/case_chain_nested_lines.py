"""A fault that only the enclosing Chain's input proves, in a Chain written inside it (held by
a SkipConnection, at any depth), is reported on the line of the failing layer, where it is
written, not on the line of the outer Chain's layer holding it; the message is the same (the
run time raises it where the outer Chain is built). A nested Chain that proves its own fault
reports it itself, on that layer's line too."""

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
deep_fixed(tf.randn(2, 8))
direct_fixed(tf.randn(2, 8))
