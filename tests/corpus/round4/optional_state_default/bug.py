"""An RNN wrapper with an Optional initial state: the default is built with the input width."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import GRU, Tensor

B = TypeVar("B", bound=int)
rnn = GRU(6, 10)


def run(x: Tensor[2, 4, 6], h0: Optional[Tensor[2, 10]] = None) -> Tensor[2, 4, 10]:
    if h0 is None:
        h = tf.zeros(2, 6)
        return rnn(x, h)  # BUG  # E: Initial state does not fit "GRU(6 => 10)": h0 has Tensor[2, 6], x has Tensor[2, 4, 6]; need h0 of Tensor[2, 10] or Tensor[10] (size 10 at axis -1, got 6)  [shape]
    return rnn(x, h0)


print(run(tf.randn(2, 4, 6)).shape)
