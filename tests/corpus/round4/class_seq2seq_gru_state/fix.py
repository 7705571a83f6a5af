"""A GRU encoder-decoder class: the decoder's hidden size differs from the encoder's state."""
from typing import TypeVar

import typedflux as tf
from typedflux import GRU, Dense, Tensor

B = TypeVar("B", bound=int)


class Seq2Seq:
    def __init__(self) -> None:
        self.encoder = GRU(10, 24, return_state=True)
        self.decoder = GRU(6, 24)
        self.out = Dense(24, 6)

    def __call__(self, src: Tensor[B, 7, 10], tgt: Tensor[B, 5, 6]) -> Tensor[B, 5, 6]:
        _, h = self.encoder(src)
        y = self.decoder(tgt, h)
        return self.out(y)


m = Seq2Seq()
print(m(tf.randn(2, 7, 10), tf.randn(2, 5, 6)).shape)
