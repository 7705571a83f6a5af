"""A CNN encoder method annotated to return one vector per image returns the feature map
before pooling."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, GlobalMeanPool, Tensor, relu

B = TypeVar("B", bound=int)


class Encoder:
    def __init__(self) -> None:
        self.convs = Chain(Conv((3, 3), 3, 16, relu, pad=1), Conv((3, 3), 16, 32, relu, pad=1))
        self.pool = GlobalMeanPool()

    @tf.shapecheck
    def encode(self, x: Tensor[B, 3, 16, 16]) -> Tensor[B, 32]:
        h = self.pool(self.convs(x))
        return h.reshape(h.shape[0], 32)


print(Encoder().encode(tf.randn(2, 3, 16, 16)).shape)
