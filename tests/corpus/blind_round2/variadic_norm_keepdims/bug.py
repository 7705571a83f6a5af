"""Vector norms over any batch dims keep the reduced axis the annotation drops."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def norms(v: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs]]:
    return tf.sqrt((v * v).sum(axis=-1, keepdims=True))  # BUG  # E: Return shape Tensor[*Bs, 1] does not match the annotation Tensor[*Bs]: rank is len(*Bs) + 1, expected len(*Bs)  [shape]


print(norms(tf.randn(5, 7, 3)).shape)
