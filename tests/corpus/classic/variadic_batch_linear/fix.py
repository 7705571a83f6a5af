"""A projection over any leading batch dims is applied to features of the wrong width."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def project(x: Tensor[Unpack[Bs], 6], w: Tensor[6, 2]) -> Tensor[Unpack[Bs], 2]:
    return x @ w


x = tf.randn(3, 4, 6)
print(project(x, tf.randn(6, 2)).shape)
