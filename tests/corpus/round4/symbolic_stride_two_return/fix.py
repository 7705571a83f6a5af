"""A generic downsampler annotated to halve H, applied with pad 0: (H-3)//2+1 is not H//2."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)

down = Conv((4, 4), 8, 8, stride=2, pad=1)


@tf.shapecheck
def halve(x: Tensor[B, 8, "2*H", "2*H"]) -> Tensor[B, 8, H, H]:
    return down(x)


print(halve(tf.randn(1, 8, 8, 8)).shape)
