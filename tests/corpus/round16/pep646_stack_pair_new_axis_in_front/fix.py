"""pyright's TypeVarTuple samples: stacking two `Tensor[*Shape]` into `Tensor[*Shape, 2]` (a
pair per element); the stack put the new axis in front."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def pair_up(a: Tensor[Unpack[Shape]], b: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape], 2]:
    return tf.stack([a, b], axis=-1)


print(pair_up(tf.randn(4, 3), tf.randn(4, 3)).shape)
