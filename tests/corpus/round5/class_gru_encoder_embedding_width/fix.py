"""A text encoder class: embedding, GRU, mean over time, classifier."""
from typing import TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class TextEncoder:
    def __init__(self) -> None:
        self.emb = Embedding(100, 16)
        self.rnn = GRU(16, 32)
        self.head = Dense(32, 2)

    def __call__(self, tokens: Tensor[B, T]) -> Tensor[B, 2]:
        h = self.rnn(self.emb(tokens))
        return self.head(h.mean(axis=1))


enc = TextEncoder()
tokens = tf.tensor([[1, 5, 7, 2], [3, 3, 9, 0]])
print(enc(tokens).shape)
