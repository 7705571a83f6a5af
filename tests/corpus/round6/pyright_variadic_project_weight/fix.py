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


y = project(tf.randn(2, 3, 8), tf.randn(8, 4))
print(y.shape)
