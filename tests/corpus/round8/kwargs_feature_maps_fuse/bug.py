"""An FPN fusion takes its levels as keyword arguments of one annotated width; one level
was not passed through its lateral 1x1 conv."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def fuse(**levels: Tensor[B, 32, 8, 8]) -> Tensor[B, 32, 8, 8]:
    out = tf.zeros(1, 32, 8, 8)
    for v in levels.values():
        out = out + v
    return out


lat3, lat4 = Conv((1, 1), 64, 32), Conv((1, 1), 128, 32)
c3, c4 = tf.randn(2, 64, 8, 8), tf.randn(2, 128, 8, 8)
print(fuse(p3=lat3(c3), p4=c4).shape)  # BUG  # E: Argument "p4" of "fuse" has shape Tensor[2, 128, 8, 8], which does not match the annotation Tensor[B, 32, 8, 8]: axis 1 is 128, expected 32  [shape]  # N: B=2
