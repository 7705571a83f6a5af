"""A head generic over any leading batch dims returns the wrong number of classes."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Bs = TypeVarTuple("Bs")

head = Dense(32, 12)


@tf.shapecheck
def classify(x: Tensor[Unpack[Bs], 32]) -> Tensor[Unpack[Bs], 10]:
    return head(x)  # BUG  # E: Return shape Tensor[*Bs, 12] does not match the annotation Tensor[*Bs, 10]: axis -1 is 12, expected 10  [shape]


print(classify(tf.randn(2, 5, 32)).shape)
