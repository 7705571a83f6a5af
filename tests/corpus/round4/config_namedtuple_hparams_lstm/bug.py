"""Hyperparameters in a NamedTuple instance: the LSTM is built with the embedding size swapped."""
from typing import NamedTuple

import typedflux as tf
from typedflux import LSTM, Dense, Embedding


class HParams(NamedTuple):
    vocab: int
    emb: int
    hidden: int


hp = HParams(vocab=30, emb=12, hidden=20)
embed = Embedding(hp.vocab, hp.emb)
rnn = LSTM(hp.hidden, hp.emb)
head = Dense(hp.hidden, hp.vocab)
tokens = tf.tensor([[1, 2, 3], [4, 5, 6]])
h = rnn(embed(tokens))  # BUG  # E: LSTM(20 => 12) expects input Tensor[B, T, 20], got Tensor[2, 3, 12]; need size 20 at axis -1 (got 12)  [shape]
print(head(h).shape)
