"""A seq2seq LSTM translator: the encoder embeds source tokens and returns its last (h, c);
the decoder embeds the target prefix (teacher forcing), starts from the encoder's state and
projects every step to the target vocabulary."""
from __future__ import annotations

from typing import Tuple

import typedflux as tf
from typedflux import LSTM, Dense, Embedding, Tensor


class Encoder:
    def __init__(self, vocab: int, emb: int, hidden: int) -> None:
        self.embedding = Embedding(vocab, emb)
        self.rnn = LSTM(emb, hidden, return_state=True)

    def __call__(self, src: Tensor) -> Tuple[Tensor, Tensor]:
        _, (h, c) = self.rnn(self.embedding(src))
        return h, c


class Decoder:
    def __init__(self, vocab: int, emb: int, hidden: int) -> None:
        self.embedding = Embedding(vocab, emb)
        self.rnn = LSTM(emb, hidden)
        self.fc_out = Dense(hidden, vocab)

    def __call__(self, tgt: Tensor, state: Tuple[Tensor, Tensor]) -> Tensor:
        out = self.rnn(self.embedding(tgt), state)
        return self.fc_out(out)


class Seq2Seq:
    def __init__(self, src_vocab: int = 30, tgt_vocab: int = 40, emb: int = 8, hidden: int = 16) -> None:
        self.encoder = Encoder(src_vocab, emb, hidden)
        self.decoder = Decoder(tgt_vocab, emb, 2 * hidden)

    def __call__(self, src: Tensor, tgt: Tensor) -> Tensor:
        return self.decoder(tgt, self.encoder(src))


model = Seq2Seq()
src = tf.tensor([[1, 4, 5, 2], [3, 3, 8, 2]])
tgt = tf.tensor([[1, 7, 9], [1, 6, 2]])
logits = model(src, tgt)  # BUG  # E: Initial state does not fit "LSTM(8 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 8]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
print(logits.shape)
