"""pyright's TypeVarTuple sample `Array[Batch, *tuple[Any, ...], Channels]`, translated: a
per-channel scale for channels-last images, called with a channels-first batch."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
Rs = TypeVarTuple("Rs")


@tf.shapecheck
def scale_channels(x: Tensor[B, Unpack[Rs], C], gain: Tensor[C]) -> Tensor[B, Unpack[Rs], C]:
    return x * gain


imgs = tf.randn(2, 3, 8, 8)
print(scale_channels(imgs, tf.ones(3)).shape)  # BUG  # E: Dim "C" differs for "scale_channels": argument "x" gives C = 8, argument "gain" gives C = 3; need one size for C (8 vs 3)  [shape]  # N: B=2, C=8, *Rs=(3, 8)
