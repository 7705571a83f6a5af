"""A projection over any leading batch dims is applied to features of the wrong width."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def project(x: Tensor[Unpack[Bs], 6], w: Tensor[6, 2]) -> Tensor[Unpack[Bs], 2]:
    return x @ w


x = tf.randn(3, 4, 5)
print(project(x, tf.randn(6, 2)).shape)  # BUG  # E: Argument "x" of "project" has shape Tensor[3, 4, 5], which does not match the annotation Tensor[*Bs, 6]: axis -1 is 5, expected 6  [shape]  # N: *Bs=(3, 4)
