"""Pyre's generic classes with a Multiply[2, N] result, translated: a pair of feature blocks
generic over batch and width joins into 2*N features; the head after it reads 2*5 = 10."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Pair(Generic[B, N]):
    def __init__(self, left: Tensor[B, N], right: Tensor[B, N]) -> None:
        self.left = left
        self.right = right

    def joined(self) -> Tensor[B, "2*N"]:
        return tf.cat(self.left, self.right, axis=1)


pair = Pair(tf.randn(3, 5), tf.randn(3, 5))
head = Dense(5, 2)
logits = head(pair.joined())  # BUG  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[3, 10]; need size 5 at axis -1 (got 10)  [shape]
print(logits.shape)
