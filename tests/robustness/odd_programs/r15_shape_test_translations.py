"""Correct programs in the style of other checkers' shape tests (jaxtyping, tensor-annotations,
Pyre's variadics): generic dims, broadcasting, reshape arithmetic, concat arithmetic."""
from typing import Tuple, TypeVar
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
N = TypeVar("N", bound=int)
Batch = TypeVarTuple("Batch")


def outer(x: Tensor[A], y: Tensor[B]) -> Tensor[A, B]:
    return x.reshape(-1, 1) * y.reshape(1, -1)


def matmul(x: Tensor[A, B], y: Tensor[B, C]) -> Tensor[A, C]:
    return x @ y


def bmm(x: Tensor[Unpack[Batch], A, B], y: Tensor[Unpack[Batch], B, C]) -> Tensor[Unpack[Batch], A, C]:
    return x @ y


def concat3(x: Tensor[N, 3], y: Tensor[N, 4]) -> Tensor[N, 7]:
    return tf.cat(x, y, axis=1)


def stack2(x: Tensor[A, B], y: Tensor[A, B]) -> Tensor[2, A, B]:
    return tf.stack([x, y])


def flatten(x: Tensor[A, B, C]) -> Tensor[A, "B*C"]:
    return x.reshape(x.shape[0], -1)


def unflatten(x: Tensor[A, "2*N"]) -> Tensor[A, 2, N]:
    return x.reshape(x.shape[0], 2, -1)


def swap(x: Tensor[Unpack[Batch], A, B]) -> Tensor[Unpack[Batch], B, A]:
    return x.swapaxes(-1, -2)


def center(x: Tensor[Unpack[Batch], N]) -> Tensor[Unpack[Batch], N]:
    return x - x.mean(axis=-1, keepdims=True)


def scale_rows(x: Tensor[A, B], s: Tensor[A]) -> Tensor[A, B]:
    return x * s[:, None]


def pairwise(x: Tensor[N, C]) -> Tensor[N, N]:
    d = x[:, None, :] - x[None, :, :]
    return (d * d).sum(axis=-1)


def attn(q: Tensor[B, N, C], k: Tensor[B, A, C], v: Tensor[B, A, C]) -> Tensor[B, N, C]:
    s = tf.einsum("bnc,bac->bna", q, k)
    return tf.einsum("bna,bac->bnc", tf.softmax(s, axis=-1), v)


def halves(x: Tensor[A, "2*N"]) -> Tuple[Tensor[A, N], Tensor[A, N]]:
    a, b = tf.chunk(x, 2)
    return a, b


def interleave(x: Tensor[A, N]) -> Tensor[A, "2*N"]:
    return tf.repeat_interleave(x, 2, axis=1)


def pad1(x: Tensor[A, N]) -> Tensor[A, "N + 2"]:
    return tf.pad(x, ((0, 0), (1, 1)))


def last_token(x: Tensor[B, N, C]) -> Tensor[B, C]:
    return x[:, -1]


def add_axis(x: Tensor[Unpack[Batch]]) -> Tensor[Unpack[Batch], 1]:
    return x[..., None]


print(outer(tf.ones(3), tf.ones(4)).shape, matmul(tf.ones(2, 3), tf.ones(3, 5)).shape)
print(bmm(tf.ones(7, 2, 3), tf.ones(7, 3, 4)).shape, concat3(tf.ones(2, 3), tf.ones(2, 4)).shape)
print(stack2(tf.ones(2, 3), tf.ones(2, 3)).shape, flatten(tf.ones(2, 3, 4)).shape)
print(unflatten(tf.ones(2, 6)).shape, swap(tf.ones(5, 2, 3)).shape, center(tf.ones(2, 3, 4)).shape)
print(scale_rows(tf.ones(2, 3), tf.ones(2)).shape, pairwise(tf.ones(4, 3)).shape)
print(attn(tf.ones(2, 3, 4), tf.ones(2, 5, 4), tf.ones(2, 5, 4)).shape)
print([h.shape for h in halves(tf.ones(2, 6))], interleave(tf.ones(2, 3)).shape, pad1(tf.ones(2, 3)).shape)
print(last_token(tf.ones(2, 3, 4)).shape, add_axis(tf.ones(2, 3)).shape)
