"""An encoder handing its LSTM's final ``(h, c)`` to a decoder: ``_, (h, c) = self.rnn(x)``.

A seq2seq translator's encoder unpacks its ``LSTM(..., return_state=True)`` result into the
output sequence and the nested ``(h, c)`` pair, and returns the pair; the decoder takes it as
one ``Tuple[Tensor, Tensor]`` parameter and starts its own LSTM from it (``self.rnn(x,
state)``). Both bodies are run on their call's inputs: the nested unpacking binds ``h`` and
``c``, and the state tuple given to the decoder's LSTM is its ``h0`` and ``c0``, as at run
time. A decoder sized for twice the encoder's hidden width is reported where it is called with
the encoder's state. Each with its fix; the same lines fail at run time with the same words.
"""

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


src = tf.tensor([[1, 4, 5, 2], [3, 3, 8, 2]])
tgt = tf.tensor([[1, 7, 9], [1, 6, 2]])
encoder = Encoder(30, 8, 16)
state = encoder(src)
h, c = state
print(h.shape, c.shape)
wide = Decoder(40, 8, 32)
wide(tgt, state)  # E: Initial state does not fit "LSTM(8 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 8]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
fixed = Decoder(40, 8, 16)
logits = fixed(tgt, encoder(src))
print(logits.shape)
