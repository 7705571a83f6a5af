"""tensor_annotations' NHWC images (`Tensor4[Batch, Height, Width, Channels]`): global average
pooling keeps the channels; the mean was taken over the last two axes, as for NCHW."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def global_pool(x: Tensor[B, H, W, C]) -> Tensor[B, C]:
    return x.mean(axis=(2, 3))  # BUG  # E: Return shape Tensor[B, H] does not match the annotation Tensor[B, C]: axis 1 is H, expected C  [shape]


print(global_pool(tf.randn(2, 8, 8, 16)).shape)
