"""A generic downsampler annotated to halve H, applied with pad 0: (H-3)//2+1 is not H//2."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)

down = Conv((4, 4), 8, 8, stride=2)


@tf.shapecheck
def halve(x: Tensor[B, 8, "2*H", "2*H"]) -> Tensor[B, 8, H, H]:
    return down(x)  # BUG  # E: Return shape Tensor[B, 8, H - 1, H - 1] does not match the annotation Tensor[B, 8, H, H]: axis 2 is H - 1, expected H  [shape]


print(halve(tf.randn(1, 8, 8, 8)).shape)
