"""A classifier class with a training flag that switches dropout on; the head is sized for
the wrong hidden width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Dropout, Tensor, relu

B = TypeVar("B", bound=int)


class Classifier:
    def __init__(self) -> None:
        self.training = True
        self.body = Dense(20, 64, relu)
        self.drop = Dropout(0.3)
        self.head = Dense(64, 5)

    def __call__(self, x: Tensor[B, 20]) -> Tensor[B, 5]:
        h = self.body(x)
        if self.training:
            h = self.drop(h)
        return self.head(h)


clf = Classifier()
print(clf(tf.randn(3, 20)).shape)
clf.training = False
print(clf(tf.randn(3, 20)).shape)
