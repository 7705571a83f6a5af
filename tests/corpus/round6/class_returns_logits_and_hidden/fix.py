"""An RNN language model returning (logits, last hidden state); the caller feeds the state
to a readout of the wrong width."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, GRU, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class RNNLM:
    def __init__(self) -> None:
        self.embed = Embedding(40, 16)
        self.rnn = GRU(16, 32, return_state=True)
        self.out = Dense(32, 40)

    def __call__(self, ids: Tensor[B, T]) -> Tuple[Tensor[B, T, 40], Tensor[B, 32]]:
        y, h = self.rnn(self.embed(ids))
        return self.out(y), h


lm = RNNLM()
logits, state = lm(tf.zeros(2, 5, dtype=tf.int64))
value_head = Dense(32, 1)
print(logits.shape, value_head(state).shape)
