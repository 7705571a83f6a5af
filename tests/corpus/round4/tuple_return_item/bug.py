"""A method annotated to return a pair of [B, 16] tensors returns the un-projected input second."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class TwoHeads:
    def __init__(self) -> None:
        self.a = Dense(8, 16)
        self.b = Dense(8, 16)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 8]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
        return self.a(x), x  # BUG  # E: Return shape Tensor[B, 8] (tuple item 1) does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]


print(TwoHeads()(tf.randn(2, 8))[1].shape)
