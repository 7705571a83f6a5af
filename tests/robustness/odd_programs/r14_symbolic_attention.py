"""Attention written with symbolic dims: scores, heads split and merged by x.shape, a causal
mask sized from the input (silent)."""
import math
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)


def attention(q: Tensor[B, H, T, D], k: Tensor[B, H, S, D], v: Tensor[B, H, S, D]) -> Tensor[B, H, T, D]:
    scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(q.shape[-1])
    return tf.softmax(scores, axis=-1) @ v


def split_heads(x: Tensor[B, T, "H*D"], h: int) -> Tensor[B, H, T, D]:
    b, t, hd = x.shape
    return x.reshape(b, t, h, hd // h).transpose(0, 2, 1, 3)


def merge(x: Tensor[B, H, T, D]) -> Tensor[B, T, "H*D"]:
    b, h, t, d = x.shape
    return x.transpose(0, 2, 1, 3).reshape(b, t, h * d)


def causal(x: Tensor[B, H, T, T]) -> Tensor[B, H, T, T]:
    T_ = x.shape[-1]
    mask = tf.tril(tf.ones(T_, T_))
    return tf.where(mask == 0, -1e9, x)


q = tf.zeros(2, 2, 3, 4)
print(attention(q, q, q).shape, merge(split_heads(tf.zeros(2, 3, 8), 2)).shape, causal(tf.zeros(2, 2, 3, 3)).shape)
