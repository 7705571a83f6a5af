"""A classifier head generic over leading batch dims (Tensor[*Bs, 64] -> Tensor[*Bs, 10])
returns the pooled features instead of the logits."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Bs = TypeVarTuple("Bs")
pre, head = Dense(64, 32), Dense(32, 10)


@tf.shapecheck
def classify(x: Tensor[Unpack[Bs], 64]) -> Tensor[Unpack[Bs], 10]:
    return head(pre(x))


print(classify(tf.randn(2, 3, 64)).shape)
