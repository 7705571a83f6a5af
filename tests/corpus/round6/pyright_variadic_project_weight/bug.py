"""pyright style: a projection over any batch dims (TypeVarTuple); the weight is passed in
PyTorch's layout."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def project(x: Tensor[Unpack[Bs], 8], w: Tensor[8, 4]) -> Tensor[Unpack[Bs], 4]:
    return x @ w


y = project(tf.randn(2, 3, 8), tf.randn(4, 8))  # BUG  # E: Argument "w" of "project" has shape Tensor[4, 8], which does not match the annotation Tensor[8, 4]: axis 0 is 4, expected 8  [shape]  # N: *Bs=(2, 3)
print(y.shape)
