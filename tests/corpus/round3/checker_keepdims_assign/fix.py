"""(pyright tensorShape sum1) sum with keepdims keeps a 1 in front."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def column_totals(t: Tensor[4, B]) -> Tensor[B]:
    s: Tensor[B] = tf.sum(t, axis=0)
    return s


print(column_totals(tf.randn(4, 6)).shape)
