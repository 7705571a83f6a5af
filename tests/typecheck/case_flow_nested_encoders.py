"""A seq2seq model's body handing its encoder's ``(h, c)`` straight to its decoder.

The model holds an encoder and a decoder built from its constructor's sizes, and its body
calls one inside the other's arguments (``self.decoder(tgt, self.encoder(src))``), or unpacks
the state first (``h, c = self.encoder(src)``, then ``self.decoder(tgt, (h, c))``). The
model's call runs its body with what its construction built: the encoder's body gives the
pair, the decoder's LSTM starts from it, as at run time. An attribute of a traced model read
at module level (``model.encoder(src)``) is the instance its construction built too. A
decoder twice as wide as the encoder is reported where the model is called. Each with its
fix; the same lines fail at run time with the same words.
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


class Nested:
    def __init__(self, hidden: int, wide: int) -> None:
        self.encoder = Encoder(30, 8, hidden)
        self.decoder = Decoder(40, 8, wide)

    def __call__(self, src: Tensor, tgt: Tensor) -> Tensor:
        return self.decoder(tgt, self.encoder(src))


class Unpacked:
    def __init__(self, hidden: int, wide: int) -> None:
        self.encoder = Encoder(30, 8, hidden)
        self.decoder = Decoder(40, 8, wide)

    def __call__(self, src: Tensor, tgt: Tensor) -> Tensor:
        h, c = self.encoder(src)
        return self.decoder(tgt, (h, c))


src = tf.tensor([[1, 4, 5, 2], [3, 3, 8, 2]])
tgt = tf.tensor([[1, 7, 9], [1, 6, 2]])
Nested(16, 32)(src, tgt)  # E: Initial state does not fit "LSTM(8 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 8]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
a: Tensor[2, 3, 40] = Nested(16, 16)(src, tgt)
Unpacked(16, 32)(src, tgt)  # E: Initial state does not fit "LSTM(8 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 8]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
b: Tensor[2, 3, 40] = Unpacked(16, 16)(src, tgt)

model = Nested(16, 16)
state: Tuple[Tensor[2, 16], Tensor[2, 16]] = model.encoder(src)
Decoder(40, 8, 32)(tgt, model.encoder(src))  # E: Initial state does not fit "LSTM(8 => 32)": h0 has Tensor[2, 16], x has Tensor[2, 3, 8]; need h0 of Tensor[2, 32] or Tensor[32] (size 32 at axis -1, got 16)  [shape]
logits: Tensor[2, 3, 40] = model.decoder(tgt, model.encoder(src))
