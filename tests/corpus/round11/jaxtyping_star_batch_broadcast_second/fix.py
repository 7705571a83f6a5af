"""jaxtyping's `*batch` shared by two arguments (`Float[Array, "*batch c"]` twice), translated:
a per-token gate computed for one batch layout multiplied into activations of another."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

C = TypeVar("C", bound=int)
Batch = TypeVarTuple("Batch")


@tf.shapecheck
def gated(x: Tensor[Unpack[Batch], C], gate: Tensor[Unpack[Batch], C]) -> Tensor[Unpack[Batch], C]:
    return x * tf.sigmoid(gate)


acts = tf.randn(2, 7, 16)
gate = tf.randn(2, 7, 16)
print(gated(acts, gate).shape)
