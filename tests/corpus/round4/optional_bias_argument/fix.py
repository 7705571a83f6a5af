"""A layer function with an optional bias: given, it has the input width, not the output width."""
from typing import Optional

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def project(x: Tensor[3, 4], w: Tensor[4, 6], b: Optional[Tensor[6]]) -> Tensor[3, 6]:
    y = x @ w
    return y if b is None else y + b


print(project(tf.randn(3, 4), tf.randn(4, 6), tf.randn(6)).shape)
