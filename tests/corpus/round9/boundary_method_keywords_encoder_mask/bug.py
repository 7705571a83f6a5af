"""A model method called with keyword arguments (the PyTorch habit of `model.encode(src=...,
src_mask=...)`): the mask covers the target length."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)


class Seq2Seq:
    def __init__(self) -> None:
        self.embed = Dense(10, 16)

    @tf.shapecheck
    def encode(self, src: Tensor[B, S, 10], src_mask: Tensor[B, S]) -> Tensor[B, S, 16]:
        return self.embed(src) * src_mask[:, :, None]


model = Seq2Seq()
src, tgt = tf.randn(2, 9, 10), tf.randn(2, 5, 10)
tgt_mask = tf.ones(2, 5)
memory = model.encode(src=src, src_mask=tgt_mask)  # BUG  # E: Dim "S" differs for "Seq2Seq.encode": argument "src" gives S = 9, argument "src_mask" gives S = 5; need one size for S (9 vs 5)  [shape]  # N: B=2, S=9
print(memory.shape)
