"""DeepMind's tensor_annotations axis types (`Array4[Batch, Height, Width, Channels]`),
translated: NHWC to NCHW with the permutation that also swaps height and width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Height = TypeVar("Height", bound=int)
Width = TypeVar("Width", bound=int)
Channels = TypeVar("Channels", bound=int)


@tf.shapecheck
def to_nchw(x: Tensor[Batch, Height, Width, Channels]) -> Tensor[Batch, Channels, Height, Width]:
    return x.transpose(0, 3, 1, 2)


print(to_nchw(tf.randn(2, 6, 8, 3)).shape)
