"""torchtyping's named dims: TensorType["batch", "channels", "height", "width"] pooled to
TensorType["batch", "channels"] by a global average over the spatial axes; the pooled
features then feed a classifier sized for the channels."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor

Batch = TypeVar("Batch", bound=int)
Channels = TypeVar("Channels", bound=int)
Height = TypeVar("Height", bound=int)
Width = TypeVar("Width", bound=int)


@tf.shapecheck
def global_avg_pool(x: Tensor[Batch, Channels, Height, Width]) -> Tensor[Batch, Channels]:
    return x.mean(axis=(1, 2))  # BUG  # E: Return shape Tensor[Batch, Width] does not match the annotation Tensor[Batch, Channels]: axis 1 is Width, expected Channels  [shape]


features = Conv((3, 3), 3, 16, pad=1)(tf.randn(4, 3, 8, 8))
pooled = global_avg_pool(features)
print(Dense(16, 10)(pooled).shape)
