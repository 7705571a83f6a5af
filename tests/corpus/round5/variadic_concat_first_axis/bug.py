"""A join over a batch and any further dims concatenates on axis 0 instead of the feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor
from typing_extensions import TypeVarTuple, Unpack

Bs = TypeVarTuple("Bs")


B = TypeVar("B", bound=int)


@tf.shapecheck
def join(a: Tensor[B, Unpack[Bs], 3], b: Tensor[B, Unpack[Bs], 5]) -> Tensor[B, Unpack[Bs], 8]:
    return tf.cat(a, b, axis=0)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[B, *Bs, 3], xs[1] has Tensor[B, *Bs, 5]; need equal sizes except at axis 0 (3 vs 5 at axis -1)  [shape]


print(join(tf.zeros(2, 4, 3), tf.zeros(2, 4, 5)).shape)
