"""Feature maps from several stages are fused; one stage has the wrong channel count."""
from typing import List, TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def fuse(maps: List[Tensor[B, 16, H, W]]) -> Tensor[B, 16, H, W]:
    return tf.add(*maps)


x = tf.randn(1, 3, 8, 8)
a = Conv((3, 3), 3, 16, pad=1)(x)
b = Conv((1, 1), 3, 16)(x)
print(fuse([a, b]).shape)
