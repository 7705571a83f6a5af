"""Ported from PyTorch: `k.T` on a batch of keys reverses every axis (numpy's and torch's
`.T`), not the last two."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def scores(q: Tensor[B, T, 16], k: Tensor[B, T, 16]) -> Tensor[B, T, T]:
    return tf.softmax(q @ k.swapaxes(1, 2) / 4.0)


print(scores(tf.randn(2, 5, 16), tf.randn(2, 5, 16)).shape)
