"""A seq2seq encoder class returns (outputs, last hidden); its annotation says the hidden
state has the input width."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import GRU, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Encoder:
    def __init__(self) -> None:
        self.rnn = GRU(32, 64, return_state=True)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, T, 32]) -> Tuple[Tensor[B, T, 64], Tensor[B, 64]]:
        return self.rnn(x)  # BUG


print([t.shape for t in Encoder()(tf.randn(4, 7, 32))])
