"""Sizes kept in Final constants; the hidden layer is declared with the wrong constant."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

N_IN: Final = 20
N_HIDDEN: Final = 64
N_OUT: Final = 3

model = Chain(Dense(N_IN, N_HIDDEN, relu), Dense(N_HIDDEN, N_OUT))


def predict(x: Tensor[B, N_IN]) -> Tensor[B, N_OUT]:
    return model(x)


print(predict(tf.randn(4, N_IN)).shape)
