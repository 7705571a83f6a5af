"""tensor_annotations' axis types (Tensor4[Batch, Height, Width, Channels] ->
Tensor2[Batch, Height*Width*Channels]): flattening an NHWC map for a dense head; the head
is sized for the product of the three axes."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

Batch = TypeVar("Batch", bound=int)
Height = TypeVar("Height", bound=int)
Width = TypeVar("Width", bound=int)
Channels = TypeVar("Channels", bound=int)


@tf.shapecheck
def flatten_nhwc(x: Tensor[Batch, Height, Width, Channels]) -> Tensor[Batch, "Height*Width*Channels"]:
    b, h, w, c = x.shape
    return x.reshape(b, h * w * c)


head = Dense(4 * 4 * 6, 10)
maps = tf.randn(2, 4, 4, 6)
flat = flatten_nhwc(maps)
print(head(flat).shape)
