"""A generic encoder function applies a Chain to Tensor[B, T, 32] and promises the model
width back; the Chain ends at the feed-forward width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
ff = Chain(LayerNorm(32), Dense(32, 128, gelu), Dense(128, 32))


@tf.shapecheck
def encode(x: Tensor[B, T, 32]) -> Tensor[B, T, 32]:
    return ff(x)


print(encode(tf.randn(2, 3, 32)).shape)
