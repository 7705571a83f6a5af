"""A classifier declares its layers' sizes on the attributes; the head is built too wide."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Classifier:
    def __init__(self) -> None:
        self.body: Dense[20, 64] = Dense(20, 64, relu)
        self.head: Dense[64, 5] = Dense(64, 50)  # BUG  # E: Assigned layer Dense(64 => 50) does not match the annotation Dense[64, 5] of "self.head": out_features is 50, expected 5  [shape]

    def __call__(self, x: Tensor[B, 20]) -> Tensor[B, 5]:
        return self.head(self.body(x))


print(Classifier()(tf.randn(3, 20)).shape)
