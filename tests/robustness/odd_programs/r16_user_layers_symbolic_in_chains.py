"""User layers with symbolic annotations in Chains/containers, unified with what flows in."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


class Halve:
    def __call__(self, x: Tensor[B, "2*N"]) -> Tensor[B, N]:
        return x[:, : x.shape[1] // 2]


class Twice:
    def __call__(self, x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.cat(x, x, axis=1)


class SpaceToDepth:
    def __call__(self, x: Tensor[B, C, "2*H", "2*W"]) -> Tensor[B, "4*C", H, W]:
        b, c, h, w = x.shape
        return x.reshape(b, c, h // 2, 2, w // 2, 2).transpose(0, 1, 3, 5, 2, 4).reshape(b, 4 * c, h // 2, w // 2)


def join(a: Tensor[B, C, H, W], b: Tensor[B, N, H, W]) -> Tensor[B, "C + N", H, W]:
    return tf.cat(a, b, axis=1)


net1 = Chain(Dense(4, 6), Halve(), Dense(3, 1))
net2 = Chain(Dense(4, 3), Twice(), Halve(), Twice(), Dense(6, 2))
net3 = Chain(Conv((3, 3), 3, 4, pad=1), SpaceToDepth(), Conv((1, 1), 16, 8), relu)
net4 = Chain(Parallel(join, Conv((3, 3), 3, 4, pad=1), Conv((1, 1), 3, 2)), Conv((1, 1), 6, 1))
net5 = SkipConnection(Chain(Twice(), Halve()), tf.add)
net6 = Chain(Conv((3, 3), 1, 2, pad=1), MaxPool((2, 2)), Flatten(), Halve(), Dense(16, 1))
print(net1(tf.randn(2, 4)).shape, net2(tf.randn(2, 4)).shape, net3(tf.randn(1, 3, 8, 8)).shape)
print(net4(tf.randn(1, 3, 5, 5)).shape, net5(tf.randn(2, 7)).shape, net6(tf.randn(2, 1, 8, 8)).shape)


def generic(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    return Chain(Twice(), Halve(), Halve())(x)


print(generic(tf.randn(3, 10)).shape)
