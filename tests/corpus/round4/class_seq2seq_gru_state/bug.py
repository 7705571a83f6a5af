"""A GRU encoder-decoder class: the decoder's hidden size differs from the encoder's state."""
from typing import TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Tensor

B = TypeVar("B", bound=int)


class Seq2Seq:
    def __init__(self) -> None:
        self.encoder = GRU(10, 24, return_state=True)
        self.decoder = GRU(6, 16)
        self.out = Dense(24, 6)

    def __call__(self, src: Tensor[B, 7, 10], tgt: Tensor[B, 5, 6]) -> Tensor[B, 5, 6]:
        _, h = self.encoder(src)
        y = self.decoder(tgt, h)  # BUG  # E: Initial state does not fit "GRU(6 => 16)": h0 has Tensor[B, 24], x has Tensor[B, 5, 6]; need h0 of Tensor[B, 16] or Tensor[16] (size 16 at axis -1, got 24)  [shape]
        return self.out(y)


m = Seq2Seq()
print(m(tf.randn(2, 7, 10), tf.randn(2, 5, 6)).shape)
