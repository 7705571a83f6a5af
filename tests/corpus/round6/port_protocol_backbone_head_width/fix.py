"""A classifier over any backbone typed by a Protocol; the head is sized for a narrower
backbone."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class Backbone(Protocol):
    def __call__(self, x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64]: ...


class SmallCNN:
    def __init__(self) -> None:
        self.body = Chain(Conv((3, 3), 3, 16, relu, pad=1), MaxPool((4, 4)),
                          Conv((3, 3), 16, 64, relu, pad=1), GlobalMeanPool(), Flatten())

    def __call__(self, x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64]:
        return self.body(x)


head = Dense(64, 10)


def classify(backbone: Backbone, x: Tensor[B, 3, 32, 32]) -> Tensor[B, 10]:
    return head(backbone(x))


print(classify(SmallCNN(), tf.randn(2, 3, 32, 32)).shape)
