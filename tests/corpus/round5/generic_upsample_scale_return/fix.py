"""An upsampling helper annotated to double both axes, scaling only the height."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor, Upsample

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def up2(x: Tensor[B, C, H, W]) -> Tensor[B, C, "2*H", "2*W"]:
    return Upsample(scale=2)(x)


print(up2(tf.zeros(1, 2, 3, 4)).shape)
