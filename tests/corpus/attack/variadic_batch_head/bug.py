"""A classifier head generic over any number of batch axes, built for the wrong width."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Bs = TypeVarTuple("Bs")
head = Dense(32, 10)


@tf.shapecheck
def classify(x: Tensor[Unpack[Bs], 64]) -> Tensor[Unpack[Bs], 10]:
    return head(x)  # BUG  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[*Bs, 64]; need size 32 at axis -1 (got 64)  [shape]


print(classify(tf.randn(2, 3, 64)).shape)
