"""torchtyping's `TensorType["batch", "in1"]` style: a bilinear form x^T W y with W of shape
(out, in1, in2); the weight's two input indices were written in the wrong order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
J = TypeVar("J", bound=int)
O = TypeVar("O", bound=int)


@tf.shapecheck
def bilinear(x: Tensor[B, I], w: Tensor[O, I, J], y: Tensor[B, J]) -> Tensor[B, O]:
    return tf.einsum("bi,oij,bj->bo", x, w, y)


print(bilinear(tf.randn(2, 3), tf.randn(4, 3, 5), tf.randn(2, 5)).shape)
