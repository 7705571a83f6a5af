"""A pre-norm block normalises with the feed-forward width instead of the model width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

D_MODEL: Final = 16
D_FF: Final = 64

ffn = SkipConnection(Chain(LayerNorm(D_MODEL), Dense(D_MODEL, D_FF, gelu), Dense(D_FF, D_MODEL)), tf.add)


def block(x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
    return ffn(x)


print(block(tf.randn(2, 3, D_MODEL)).shape)
