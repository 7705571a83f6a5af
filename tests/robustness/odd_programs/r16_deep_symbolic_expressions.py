"""Huge literals, deep expressions: correct programs (mypy must not crash or hang)."""
from typing import TypeVar
import typedflux as tf
from typedflux import Tensor, Conv, MaxPool, Chain
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)

def halves(x: Tensor[B, N]) -> Tensor[B, "((((((((((((N)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1)//2+1"]:
    y = x
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    y = tf.pad(y, ((0, 0), (0, 1)))[:, ::2]
    return y

def dbl(x: Tensor[B, N]) -> Tensor[B, "1099511627776*N"]:
    y = x
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    y = tf.cat(y, y, axis=1)
    return y

def flat(x: Tensor[B, N, M, N, M, N, M, N, M]) -> Tensor[B, "N*N*N*N*M*M*M*M"]:
    return x.reshape(x.shape[0], -1)

H = TypeVar("H", bound=int)
def tower(x: Tensor[B, 3, H, H]):
    net = Chain(Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)), Conv((3, 3), 3, 3, pad=1), MaxPool((2, 2)))
    return net(x)

print(halves(tf.zeros(2, 5000)).shape)
print(dbl(tf.zeros(1, 1)).shape if False else "skip")
print(flat(tf.zeros(1, 2, 1, 2, 1, 2, 1, 2, 1)).shape)
print(tower(tf.zeros(1, 3, 256, 256)).shape)
big: Tensor[1, 99999999999] = tf.zeros(1, 99999999999) if False else None  # type: ignore[assignment]
x = tf.zeros(2, 3)
y = x.reshape(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6)
print(y.ndim)
v = tf.zeros(2*2*2*2*2*2*2*2*2*2*2*2*2*2*2*2*2*2*2*2)
print(v.shape)
