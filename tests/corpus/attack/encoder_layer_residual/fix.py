"""A Transformer encoder layer as a class: the feed-forward block's output width does not
return to the model width, so the residual add fails."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class EncoderLayer:
    def __init__(self) -> None:
        self.attn = MultiHeadAttention(64, 4)
        self.norm1, self.norm2 = LayerNorm(64), LayerNorm(64)
        self.ffn = Chain(Dense(64, 256, gelu), Dense(256, 64))

    def __call__(self, x: Tensor[B, T, 64]) -> Tensor[B, T, 64]:
        h = x + self.attn(self.norm1(x))
        return h + self.ffn(self.norm2(h))


layer = EncoderLayer()
print(layer(tf.randn(2, 7, 64)).shape)
