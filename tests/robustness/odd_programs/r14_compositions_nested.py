"""Compositions nested four deep: a SkipConnection over a Parallel of a Chain of user classes
(Tensor[B, N] -> Tensor[B, "2*N"] and back), tf.identity and a lambda, a Maxout of Chains;
conv blocks joined by lambdas, a PairwiseFusion of mixed layers, an attention block in a
SkipConnection, and a generic def returning a Chain's call."""
from typing import TypeVar

import typedflux as tf
from typedflux import (Chain, Conv, BatchNorm, Dense, LayerNorm, Parallel, SkipConnection,
                       Maxout, PairwiseFusion, MultiHeadAttention, Tensor, relu, gelu)

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T", bound=int)


class Double:
    def __call__(self, x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.cat(x, x, axis=1)


class Halve:
    def __call__(self, x: Tensor[B, "2*N"]) -> Tensor[B, N]:
        return x[:, : x.shape[1] // 2]


def join(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, N]:
    return a + b


deep = Chain(
    Dense(16, 32, relu),
    SkipConnection(
        Chain(
            Parallel(
                tf.add,
                Chain(Double(), Halve(), SkipConnection(Chain(LayerNorm(32), Dense(32, 32)), join)),
                tf.identity,
                lambda h: h * 2,
            ),
            Maxout(Chain(Dense(32, 32), relu), Dense(32, 32)),
        ),
        tf.add,
    ),
    Dense(32, 4),
)
y = deep(tf.randn(3, 16))

conv = Chain(
    Conv((3, 3), 3, 8, relu, pad=1),
    SkipConnection(Chain(Conv((3, 3), 8, 8, pad=1), BatchNorm(8)), lambda mx, x: tf.cat(mx, x, axis=1)),
    Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((1, 1), 16, 4), Chain(Conv((3, 3), 16, 4, pad=1), relu)),
    tf.GlobalMeanPool(),
    tf.Flatten(),
    Dense(8, 2),
)
z = conv(tf.randn(2, 3, 8, 8))

pf = PairwiseFusion(tf.add, Dense(8, 8), Chain(Dense(8, 8), relu), SkipConnection(Dense(8, 8), tf.add))
a1, a2, a3 = pf(tf.randn(2, 8))

mha = MultiHeadAttention(16, 4)
blk = SkipConnection(Chain(LayerNorm(16), mha), tf.add)
t = blk(tf.randn(2, 5, 16))


def sym(x: Tensor[B, T, 16]) -> Tensor[B, T, 16]:
    return Chain(blk, SkipConnection(Chain(LayerNorm(16), Dense(16, 64, gelu), Dense(64, 16)), tf.add))(x)


print(sym(tf.randn(2, 3, 16)).shape, y.shape, z.shape, a3.shape, t.shape)
