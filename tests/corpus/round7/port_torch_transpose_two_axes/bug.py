"""Ported from PyTorch: `x.transpose(1, 2)` swaps two axes in torch; typedflux's transpose is
numpy's and takes every axis (use `swapaxes`)."""
from typing import TypeVar

import typedflux as tf
from typedflux import LSTM, Tensor

B = TypeVar("B", bound=int)
rnn = LSTM(8, 16)


def run(x: Tensor[B, 8, 20]) -> Tensor[B, 20, 16]:
    return rnn(x.transpose(1, 2))  # BUG  # E: Wrong axes for "transpose": x has Tensor[B, 8, 20]; need a permutation of 0..2 (axes (1, 2))  [shape]


print(run(tf.randn(2, 8, 20)).shape)
