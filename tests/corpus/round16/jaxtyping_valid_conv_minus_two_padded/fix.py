"""jaxtyping's expression dims (`Float[Array, "b 8 h-2 w-2"]`): a 3x3 convolution with no
padding trims one pixel per side; the layer was built with pad=1, which keeps the size."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def valid_conv(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "H - 2", "W - 2"]:
    return Conv((3, 3), 3, 8)(x)


print(valid_conv(tf.randn(2, 3, 10, 12)).shape)
