"""A decoder's step method takes the previous hidden state; it is given the embedding."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor, tanh

B = TypeVar("B", bound=int)


class Decoder:
    def __init__(self) -> None:
        self.embed = Embedding(50, 16)
        self.cell = Dense(16 + 32, 32, tanh)
        self.out = Dense(32, 50)

    @tf.shapecheck
    def step(self, token: Tensor[B, 16], hidden: Tensor[B, 32]) -> Tensor[B, 32]:
        return self.cell(tf.cat(token, hidden))


dec = Decoder()
ids = tf.tensor([1, 2, 3])
emb = dec.embed(ids)
h = tf.zeros(3, 32)
h = dec.step(emb, h)
print(dec.out(h).shape)
