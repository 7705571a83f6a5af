"""tsanley-style annotations on an LSTM's final states, translated to annotated targets: the
hidden state's width is the LSTM's, not the input's."""
from typing import TypeVar

import typedflux as tf
from typedflux import LSTM, Dense, Tensor

B = TypeVar("B", bound=int)
lstm = LSTM(12, 20, return_state=True)


def encode(x: Tensor[B, 7, 12]) -> Tensor[B, 12]:
    h: Tensor[B, 12]
    c: Tensor[B, 12]
    _, (h, c) = lstm(x)  # BUG  # E: Assigned shape Tensor[B, 20] does not match the annotation Tensor[B, 12] of "h": axis 1 is 20, expected 12  [shape]
    return h


print(Dense(12, 3)(encode(tf.randn(3, 7, 12))).shape)
