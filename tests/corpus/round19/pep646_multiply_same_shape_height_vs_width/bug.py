"""PEP 646's own example: def multiply(x: Array[*Shape], y: Array[*Shape]) -> Array[*Shape]
binds one variadic shape from both arguments, so a height vector times a width vector is an
error; here an attention-map mask is applied to a per-pixel weight map of the same shape."""
from __future__ import annotations

from typing import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Conv, Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def multiply(x: Tensor[Unpack[Shape]], y: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x * y


saliency = Conv((3, 3), 4, 1, pad=1)
feats = tf.randn(2, 4, 6, 8)
weights = saliency(feats)
mask = tf.ones(2, 1, 8, 6)
masked = multiply(weights, mask)  # BUG  # E: Dim "*Shape" differs for "multiply": argument "x" gives *Shape = (2, 1, 6, 8), argument "y" gives *Shape = (2, 1, 8, 6); need one size for *Shape ((2, 1, 6, 8) vs (2, 1, 8, 6))  [shape]  # N: *Shape=(2, 1, 6, 8)
print(masked.shape)
