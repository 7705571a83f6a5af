"""A generic encoder class over its width: a method returns the pre-projection width."""
from typing import Generic, Literal, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


class Encoder(Generic[D]):
    def __init__(self, proj: Dense[32, D]) -> None:
        self.proj = proj

    def encode(self, x: Tensor[B, 32]) -> Tensor[B, D]:
        return self.proj(x)


enc: Encoder[Literal[16]] = Encoder(Dense(32, 16))
z: Tensor[4, 16] = enc.encode(tf.zeros(4, 32))
w: Tensor[4, 16] = enc.encode(tf.zeros(4, 32))
print(z.shape, w.shape)
