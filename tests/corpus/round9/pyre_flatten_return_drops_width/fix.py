"""Pyre's `flatten(start_dim=1)` test, translated: flattening keeps the batch and multiplies
every other axis; the annotation forgot the width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def features(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    return tf.flatten(x)


print(features(tf.randn(2, 3, 4, 5)).shape)
