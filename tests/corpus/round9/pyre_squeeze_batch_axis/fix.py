"""Pyre's `squeeze` test, translated: the singleton is axis 1; squeezing axis 0 (the batch)
only works for a batch of one."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def drop_singleton(x: Tensor[B, 1, N]) -> Tensor[B, N]:
    return tf.squeeze(x, 1)


print(drop_singleton(tf.randn(3, 1, 4)).shape)
