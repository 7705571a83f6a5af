"""Ported from PyTorch: `k.T` on a batch of keys reverses every axis (numpy's and torch's
`.T`), not the last two."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def scores(q: Tensor[B, T, 16], k: Tensor[B, T, 16]) -> Tensor[B, T, T]:
    return tf.softmax(q @ k.T / 4.0)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, T, 16], w has Tensor[16, T, B]; need x.shape[-1] == w.shape[-2] (16 vs T); did you mean to swap only the last two axes of the tensor w was made from by .T (.T reverses all 3 axes; that tensor's .swapaxes(-1, -2) is Tensor[B, 16, T])?  [shape]


print(scores(tf.randn(2, 5, 16), tf.randn(2, 5, 16)).shape)
