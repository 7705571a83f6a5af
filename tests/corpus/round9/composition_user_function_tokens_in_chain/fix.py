"""A typed user function turns a feature map into tokens inside a Chain; the Dense after it
was sized for the flattened spatial size, not the channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def to_tokens(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W", C]:
    return tf.rearrange(x, "b c h w -> b (h w) c")


model = Chain(
    Conv((4, 4), 3, 48, stride=4),
    to_tokens,
    Dense(48, 96, relu),
)
print(model(tf.randn(2, 3, 16, 16)).shape)
