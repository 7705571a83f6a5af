"""A function taking any layer through a Protocol with a typed __call__; passed a Dense of other width."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]: ...


@tf.shapecheck
def embed_all(enc: Encoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


print(embed_all(Dense(12, 6), tf.randn(3, 12)).shape)  # BUG  # E: Argument "enc" of "embed_all" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
