"""An ensemble of classifier heads summed with functools.reduce over a named add; every head
must give the same 10 classes."""
import functools
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def add(a: Tensor[B, 10], b: Tensor[B, 10]) -> Tensor[B, 10]:
    return a + b


heads = [Dense(32, 10), Dense(32, 10), Dense(32, 10)]
x = tf.randn(4, 32)
total = functools.reduce(add, [h(x) for h in heads])
probs = tf.softmax(total / len(heads))
print(probs.shape)
