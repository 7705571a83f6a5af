"""ViT patches by rearrange, then a linear embedding sized for one channel."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
P: Final = 4
D: Final = 32


def patchify(img: Tensor[B, 3, 16, 16]) -> Tensor[B, 16, 48]:
    return tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)


embed = Dense(P * P, D)
tokens = embed(patchify(tf.randn(2, 3, 16, 16)))  # BUG  # E: Dense(16 => 32) expects input Tensor[..., 16], got Tensor[2, 16, 48]; need size 16 at axis -1 (got 48)  [shape]
print(tokens.shape)
