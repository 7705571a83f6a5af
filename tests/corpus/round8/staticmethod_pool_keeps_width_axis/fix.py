"""A global average pool as a @staticmethod annotated Tensor[B, C, H, W] -> Tensor[B, C];
it averaged only the rows."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


class Pools:
    @staticmethod
    @tf.shapecheck
    def gap(x: Tensor[B, C, H, W]) -> Tensor[B, C]:
        return x.mean(axis=(2, 3))


print(Pools.gap(tf.randn(2, 8, 4, 4)).shape)
