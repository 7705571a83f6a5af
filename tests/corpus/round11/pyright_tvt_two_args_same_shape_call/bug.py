"""pyright's TypeVarTuple sample `def func(a: Array[*Shape], b: Array[*Shape])` called with arrays
of two different shapes, translated: an elementwise blend of two feature maps of one shape,
given a map of another width."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def blend(a: Tensor[Unpack[Shape]], b: Tensor[Unpack[Shape]], w: float) -> Tensor[Unpack[Shape]]:
    return a * w + b * (1 - w)


x = tf.randn(2, 8, 5)
y = tf.randn(2, 8, 6)
print(blend(x, y, 0.3).shape)  # BUG  # E: Dim "*Shape" differs for "blend": argument "a" gives *Shape = (2, 8, 5), argument "b" gives *Shape = (2, 8, 6); need one size for *Shape ((2, 8, 5) vs (2, 8, 6))  [shape]  # N: *Shape=(2, 8, 5)
