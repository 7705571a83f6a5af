"""A typed user function as a branch of a ``Parallel`` (or the layer of a
``SkipConnection``) in a Chain, after a layer of known output: a join that fails for every
input is reported where the Chain is built, as with ``tf.identity`` in its place, by both
checkers. The function's own dims given an unknown size (the Chain's assumed input, its
names erased) stand for that size (``compose.signature_rule``), so the join is followed."""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Out = TypeVar("Out", bound=int)


def halve(x: Tensor[B, N]) -> Tensor[B, N]:
    return x * 0.5


def widen(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=-1)


class Proj:
    """A result dim no parameter binds (``Tensor[B, Out]``): unknown in a Chain, not a size
    of its own (it was a false ``Dense(3 => 2) expects input ..., but layer 1 Proj()
    produces Tensor[B, Out]``)."""

    def __init__(self, d_out: int) -> None:
        self.w = tf.randn(8, d_out)

    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, Out]:
        return x @ self.w


projected = Chain(Proj(3), Dense(3, 2))
model = Chain(
    Dense(4, 16, relu),
    Parallel(tf.add, halve, Dense(16, 8)),  # E: Chain layer 2 Parallel(add, halve, Dense(16 => 8)): Cannot broadcast for "add": xs[0] has Tensor[B, 16], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]  # N: input to layer 2: Tensor[B, 16]
)
model_fixed = Chain(
    Dense(4, 16, relu),
    Parallel(tf.add, halve, Dense(16, 16)),
)
residual = Chain(
    Dense(4, 16, relu),
    SkipConnection(widen, tf.add),  # E: Chain layer 2 SkipConnection(widen, add): Cannot broadcast for "add": xs[0] has Tensor[B, 32], xs[1] has Tensor[B, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]  # N: input to layer 2: Tensor[B, 16]
)
residual_fixed = Chain(
    Dense(4, 16, relu),
    SkipConnection(widen, lambda mx, x: tf.cat(mx, x, axis=-1)),
)
model_fixed(tf.randn(3, 4))
projected(tf.randn(4, 8))
residual_fixed(tf.randn(3, 4))
