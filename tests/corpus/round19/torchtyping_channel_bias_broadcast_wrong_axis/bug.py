"""torchtyping's style, TensorType["batch", "channels", "x", "y"] plus a per-channel
TensorType["channels"], checked with @typechecked (here tf.shapecheck): add a learned bias
per channel to a feature map by viewing it as (channels, 1, 1)."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

Batch = TypeVar("Batch", bound=int)
Channels = TypeVar("Channels", bound=int)
X = TypeVar("X", bound=int)
Y = TypeVar("Y", bound=int)


@tf.shapecheck
def add_channel_bias(x: Tensor[Batch, Channels, X, Y], bias: Tensor[Channels]) -> Tensor[Batch, Channels, X, Y]:
    return x + bias[None, None, :]  # BUG  # E: Cannot broadcast for "add": x has Tensor[Batch, Channels, X, Y], y has Tensor[1, 1, Channels]; need equal sizes or 1 at axis -1 (Y vs Channels)  [shape]


conv = Conv((3, 3), 3, 6, pad=1)
bias = tf.zeros(6)
feats = conv(tf.randn(2, 3, 5, 7))
out = add_channel_bias(feats, bias)
print(out.shape)
