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
    _, (h, c) = lstm(x)  # BUG[gap checker: declared names filled by a nested tuple target (h: Tensor[B, 12]; _, (h, c) = lstm(x)) keep mypy's own [assignment] in Literal words, not an Assigned shape error]  # E: Incompatible types in assignment (expression has type "Tensor[B, Literal[20]]", variable has type "Tensor[B, Literal[12]]")  [assignment]
    return h


print(Dense(12, 3)(encode(tf.randn(3, 7, 12))).shape)
