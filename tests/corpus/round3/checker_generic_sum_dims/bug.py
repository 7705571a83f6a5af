"""(pyrefly tensor_generic_exprs) a generic function's N+M is 5 for a 2 x 3 argument."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def marginals(x: Tensor[N, M]) -> Tensor["N+M"]:
    return tf.concat([x.sum(axis=1), x.sum(axis=0)])


@tf.shapecheck
def both(x: Tensor[2, 3]) -> Tensor[6]:
    return marginals(x)  # BUG  # E: Return shape Tensor[5] does not match the annotation Tensor[6]: axis 0 is 5, expected 6  [shape]


print(both(tf.randn(2, 3)).shape)
