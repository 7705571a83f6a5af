"""A seq2seq decoder concatenates the encoder summary to each step; the summary is per step."""
from typing import TypeVar

import typedflux as tf
from typedflux import LSTM, Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)
T = TypeVar("T", bound=int)


class Seq2Seq:
    def __init__(self) -> None:
        self.src_embed = Embedding(30, 8)
        self.tgt_embed = Embedding(30, 8)
        self.encoder = LSTM(8, 16)
        self.decoder = LSTM(8 + 16, 16)
        self.out = Dense(16, 30)

    def __call__(self, src: Tensor[B, S], tgt: Tensor[B, T]) -> Tensor[B, T, 30]:
        enc = self.encoder(self.src_embed(src))
        context = enc.mean(axis=1, keepdims=True)
        t = tgt.shape[1]
        steps = self.tgt_embed(tgt)
        ctx = tf.repeat(context, 1, t, 1)
        dec = self.decoder(tf.cat(steps, ctx))
        return self.out(dec)


model = Seq2Seq()
print(model(tf.tensor([[1, 2, 3, 4], [4, 3, 2, 1]]), tf.tensor([[5, 6, 7], [7, 6, 5]])).shape)
