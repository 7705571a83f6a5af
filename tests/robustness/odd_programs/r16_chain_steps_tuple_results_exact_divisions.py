"""Lead's new rules: Chain slices with a step, shapecheck Tuple[X, ...], exact divisions. Correct."""
from typing import Any, Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)

ae = Chain(Dense(8, 4), Dense(4, 8))
back = ae[::-1]
print(back(tf.randn(2, 4)).shape)
alt = Chain(Dense(6, 6), relu, Dense(6, 6), relu, Dense(6, 6))
print(alt[::2](tf.randn(1, 6)).shape, alt[1::2](tf.randn(1, 6)).shape, alt[::-2](tf.randn(1, 6)).shape)
sym = Chain(Dense(5, 5), LayerNorm(5), Dense(5, 5))
print(sym[::-1](tf.randn(3, 5)).shape, sym[2::-1](tf.randn(3, 5)).shape, sym[:0:-1](tf.randn(3, 5)).shape)
k = 2
print(alt[::k](tf.randn(1, 6)).shape)
pair = Chain(Dense(3, 3), Dense(3, 3))
print(pair[-1::-1](tf.randn(1, 3)).shape, pair[5::-1](tf.randn(1, 3)).shape)
named = Chain(a=Dense(4, 4), b=relu, c=Dense(4, 4))
print(named[::2](tf.randn(2, 4)).shape, named[::-1](tf.randn(2, 4)).shape)


@tf.shapecheck
def halves(x: Tensor[B, "2*N"]) -> Tuple[Tensor[B, N], ...]:
    return tuple(tf.chunk(x, 2, axis=1))


@tf.shapecheck
def anyrows(x: Tensor[B, 4]) -> Tuple[Tensor[int, 4], ...]:
    return (x, x[1:], x[:0])


@tf.shapecheck
def none_at_all(x: Tensor[B, 4]) -> Tuple[Tensor[B, 4], ...]:
    return ()


@tf.shapecheck
def anys(x: Tensor[B, 4]) -> Tuple[Tensor[Any, Any], ...]:
    return (x, x.sum(axis=0, keepdims=True), x.T)


print(len(halves(tf.randn(3, 8))), len(anyrows(tf.randn(3, 4))), len(none_at_all(tf.randn(2, 4))), len(anys(tf.randn(3, 4))))


def exact(x: Tensor[N, M]) -> Tensor["N"]:
    flat = x.reshape(-1)
    m = x.shape[1]
    return flat.reshape(-1, m).sum(axis=1)


def floor_half(x: Tensor["2*N + 1"]) -> Tensor[N]:
    return x[: x.shape[0] // 2]


def plus_one(x: Tensor[N, M]) -> Tensor["N + 1"]:
    y = tf.cat(x, x[:1], axis=0).reshape(-1)
    return y.reshape(-1, x.shape[1]).sum(axis=1)


def not_exact(x: Tensor[N, M]) -> Tensor["(N*M + 1)//M"]:
    y = tf.cat(x.reshape(-1), tf.zeros(1))
    return y[: y.shape[0] // x.shape[1]]


def mixed(x: Tensor[N, M]) -> Tensor["(2*N*M + M)//M"]:
    return tf.zeros(2 * x.shape[0] + 1)


print(exact(tf.zeros(3, 4)).shape, floor_half(tf.zeros(7)).shape, plus_one(tf.zeros(3, 4)).shape,
      not_exact(tf.zeros(3, 4)).shape, not_exact(tf.zeros(3, 1)).shape, mixed(tf.zeros(3, 5)).shape)
