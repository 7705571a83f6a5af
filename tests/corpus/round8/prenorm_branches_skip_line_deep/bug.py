"""A residual block whose main path joins two pre-norm branches (each starting with a
LayerNorm) and projects back; the projection expects the block's width, not the joined
branches'. Only the outer Chain's input proves it, three levels down."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def join(a: Tensor[B, N], b: Tensor[B, M]) -> Tensor[B, "N+M"]:
    return tf.concat([a, b], axis=1)


model = Chain(
    Dense(8, 16, relu),
    SkipConnection(
        Chain(
            Parallel(join, Chain(LayerNorm(16), Dense(16, 8)), Chain(LayerNorm(16), Dense(16, 4))),
            Dense(16, 16),  # BUG  # E: Chain layer 2 SkipConnection(Chain(Parallel(join, Chain(LayerNorm(16), Dense(16 => 8)), Chain(LayerNorm(16), Dense(16 => 4))), Dense(16 => 16)), add): Chain layer 2 Dense(16 => 16) expects input Tensor[..., 16], but layer 1 Parallel(join, Chain(LayerNorm(16), Dense(16 => 8)), Chain(LayerNorm(16), Dense(16 => 4))) produces Tensor[B, 12]; change Dense(16 => 16) to Dense(12 => 16)  [shape]  # N: input to layer 2: Tensor[B, 16]
        ),
        tf.add,
    ),
)
print(model(tf.randn(2, 8)).shape)
