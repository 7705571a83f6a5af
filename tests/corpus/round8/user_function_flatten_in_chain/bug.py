"""A typed function flattening a feature map is a layer of the Chain; the Dense after it
was sized for one channel's map."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def flatten(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    return x.reshape(x.shape[0], -1)


model = Chain(
    Conv((3, 3), 1, 8, relu, pad=1),
    MaxPool((2, 2)),
    flatten,
    Dense(7 * 7, 10),
)
print(model(tf.randn(2, 1, 14, 14)).shape)  # BUG  # E: Chain layer 4 Dense(49 => 10) expects input Tensor[..., 49], but layer 3 flatten produces Tensor[2, 392]; change Dense(49 => 10) to Dense(392 => 10)  [shape]
