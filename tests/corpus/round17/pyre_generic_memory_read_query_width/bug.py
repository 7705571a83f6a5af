"""Pyre's generic classes, translated: an attention memory generic over batch and slots reads
with a query of the key width (16) and returns one weight per slot, Tensor[B, 1, N]."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Memory(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 16]) -> None:
        self.keys = keys

    @tf.shapecheck
    def read(self, query: Tensor[B, 1, 16]) -> Tensor[B, 1, N]:
        return tf.softmax(query @ self.keys.swapaxes(-1, -2))


memory = Memory(tf.randn(2, 6, 16))
weights = memory.read(tf.randn(2, 1, 8))  # BUG  # E: Argument "query" of "Memory.read" has shape Tensor[2, 1, 8], which does not match the annotation Tensor[2, 1, 16]: axis 2 is 8, expected 16  [shape]
print(weights.shape)
