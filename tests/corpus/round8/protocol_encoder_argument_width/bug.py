"""A training helper takes any encoder matching a Protocol; it is given an encoder with
the wrong output width."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 16]: ...


@tf.shapecheck
def embed(enc: Encoder, x: Tensor[B, 32]) -> Tensor[B, 16]:
    return enc(x)


enc = Chain(Dense(32, 24, relu), Dense(24, 8))
print(embed(enc, tf.randn(3, 32)).shape)  # BUG  # E: Argument "enc" of "embed" is Chain(Dense(32 => 24, relu), Dense(24 => 8)), whose output Tensor[B, 8] for Tensor[B, 32] does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]
