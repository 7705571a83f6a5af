"""Merging attention heads back forgets to multiply the head and width axes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def split_heads(x: Tensor[B, T, "H*K"], h: H) -> Tensor[B, H, T, K]:
    b, t, d = x.shape
    return x.reshape(b, t, h, d // h).transpose(0, 2, 1, 3)


@tf.shapecheck
def merge_heads(x: Tensor[B, H, T, K]) -> Tensor[B, T, "H*K"]:
    b, h, t, k = x.shape
    return x.transpose(0, 2, 1, 3).reshape(b, t, h * k)


@tf.shapecheck
def bad_merge(x: Tensor[B, H, T, K]) -> Tensor[B, T, "H*K"]:
    b, h, t, k = x.shape
    return x.swapaxes(1, 2).reshape(b, t, h * k)


print(merge_heads(tf.zeros(2, 4, 5, 3)).shape, bad_merge(tf.zeros(2, 4, 5, 3)).shape)
