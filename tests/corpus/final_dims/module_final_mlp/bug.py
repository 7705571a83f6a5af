"""Sizes kept in Final constants; the hidden layer is declared with the wrong constant."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

N_IN: Final = 20
N_HIDDEN: Final = 64
N_OUT: Final = 3

model = Chain(Dense(N_IN, N_HIDDEN, relu), Dense(N_IN, N_OUT))  # BUG  # E: Chain layer 2 Dense(20 => 3) expects input Tensor[..., 20], but layer 1 Dense(20 => 64, relu) produces Tensor[B, 64]; change Dense(20 => 3) to Dense(64 => 3)  [shape]


def predict(x: Tensor[B, N_IN]) -> Tensor[B, N_OUT]:
    return model(x)


print(predict(tf.randn(4, N_IN)).shape)
