"""A method returning (output, state): the caller unpacks them in the wrong order."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import LSTM, Dense, Tensor

B = TypeVar("B", bound=int)


class Encoder:
    def __init__(self) -> None:
        self.rnn = LSTM(4, 8, return_state=True)

    def encode(self, x: Tensor[B, 5, 4]) -> Tuple[Tensor[B, 5, 8], Tensor[B, 8]]:
        y, (h, c) = self.rnn(x)
        return y, h


enc = Encoder()
y, h = enc.encode(tf.randn(2, 5, 4))
print(tf.losses.mse(Dense(8, 3)(h), tf.zeros(2, 3)).item())
