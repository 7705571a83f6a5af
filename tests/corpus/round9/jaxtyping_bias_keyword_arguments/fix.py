"""jaxtyping's consistent dims across arguments, translated, with keyword arguments: the
bias for 4 features is given 5."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def add_bias(x: Tensor[B, C], bias: Tensor[C]) -> Tensor[B, C]:
    return x + bias


y = add_bias(bias=tf.zeros(4), x=tf.ones(3, 4))
print(y.shape)
