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
rnn = LSTM(hp.emb, hp.hidden)
head = Dense(hp.hidden, hp.vocab)
tokens = tf.tensor([[1, 2, 3], [4, 5, 6]])
h = rnn(embed(tokens))
print(head(h).shape)
