"""A user layer generic over its width, chained after a Dense of another width."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Scale:
    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 64]:
        return x * 0.5


model = Chain(Dense(784, 128), Scale(), Dense(64, 10))  # BUG  # E: Chain layer 2 Scale(): Argument "x" of "Scale.__call__" has shape Tensor[B, 128], which does not match the annotation Tensor[B, 64]: axis 1 is 128, expected 64  [shape]  # N: input to layer 2: Tensor[B, 128]
print(model(tf.rand(3, 784)).shape)
