"""jaxtyping with einops, as its docs pair them: Float[Array, "b c h w"] ->
Float[Array, "b (h w) c"] by rearrange("b c h w -> b (h w) c"); the tokens of a conv stem then
go through a Dense over the channels."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def to_tokens(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W", C]:
    return tf.rearrange(x, "b c h w -> b (h w) c")


stem = Conv((4, 4), 3, 24, stride=4)
embed = Dense(24, 32)
patches = stem(tf.randn(2, 3, 16, 16))
tokens = to_tokens(patches)
print(embed(tokens).shape)
