"""xarray's dot tests (translated): a.dot(b, dims="y") of a (x, y) and a (y, z) array
contracts y and gives (x, z); the einsum written for it contracted x."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

X = TypeVar("X", bound=int)
Y = TypeVar("Y", bound=int)
Z = TypeVar("Z", bound=int)


@tf.shapecheck
def dot_y(a: Tensor[X, Y], b: Tensor[Y, Z]) -> Tensor[X, Z]:
    return tf.einsum("xy,yz->yz", a, b)  # BUG  # E: Return shape Tensor[Y, Z] does not match the annotation Tensor[X, Z]: axis 0 is Y, expected X  [shape]


print(dot_y(tf.ones(2, 3), tf.ones(3, 4)).shape)
