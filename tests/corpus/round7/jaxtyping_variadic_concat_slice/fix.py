"""Translated from jaxtyping's variadic tests: widening the last axis of any batch shape by
one feature; the program appended two."""
import typedflux as tf
from typedflux import Tensor
from typing_extensions import TypeVarTuple, Unpack

Bs = TypeVarTuple("Bs")


@tf.shapecheck
def widen(x: Tensor[Unpack[Bs], 3]) -> Tensor[Unpack[Bs], 4]:
    return tf.concat([x, x[..., :1]], axis=-1)


print(widen(tf.ones(2, 5, 3)).shape)
