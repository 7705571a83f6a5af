"""A generic function binding one dim from two arguments is called with different sizes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def cosine(a: Tensor[B, D], b: Tensor[B, D]) -> Tensor[B]:
    return (a * b).sum(axis=1) / tf.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))


print(cosine(tf.randn(4, 8), tf.randn(4, 8)).shape)
