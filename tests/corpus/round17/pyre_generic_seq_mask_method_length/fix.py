"""Pyre's generic tensor classes, translated: a sequence batch generic over its batch and length
dims keeps them in the tensor its constructor takes; masking it takes one flag per position,
Tensor[B, N], so a mask one position too long is refused where the method is called."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Tokens(Generic[B, N]):
    def __init__(self, data: Tensor[B, N, 8]) -> None:
        self.data = data

    @tf.shapecheck
    def masked(self, keep: Tensor[B, N]) -> Tensor[B, N, 8]:
        return self.data * keep[:, :, None]


tokens = Tokens(tf.randn(2, 5, 8))
keep = tf.ones(2, 5)
out = tokens.masked(keep)
print(out.shape)
