"""Translated from jaxtyping's variadic tests: widening the last axis of any batch shape by
one feature; the program appended two."""
import typedflux as tf
from typedflux import Tensor
from typing_extensions import TypeVarTuple, Unpack

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def widen(x: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs], 4]:
    return tf.concat([x, x[..., :2]], axis=-1)  # BUG  # E: Return shape Tensor[*Bs, 5] does not match the annotation Tensor[*Bs, 4]: axis -1 is 5, expected 4  [shape]


print(widen(tf.ones(2, 5, 3)).shape)
