"""An RNN wrapper with an Optional initial state: the default is built with the input width."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import GRU, Tensor

B = TypeVar("B", bound=int)
rnn = GRU(6, 10)


def run(x: Tensor[2, 4, 6], h0: Optional[Tensor[2, 10]] = None) -> Tensor[2, 4, 10]:
    if h0 is None:
        h = tf.zeros(2, 10)
        return rnn(x, h)
    return rnn(x, h0)


print(run(tf.randn(2, 4, 6)).shape)
