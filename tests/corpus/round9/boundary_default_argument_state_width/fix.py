"""A step function's initial state has a default; called without a state, the default of
the wrong width meets the cell's hidden size."""
from typing import TypeVar

import typedflux as tf
from typedflux import RNN, Tensor

B = TypeVar("B", bound=int)
cell = RNN(4, 16)


def run(x: Tensor[2, 5, 4], h0: Tensor[2, 16] = tf.zeros(2, 16)) -> Tensor[2, 5, 16]:
    return cell(x, h0)


print(run(tf.randn(2, 5, 4)).shape)
