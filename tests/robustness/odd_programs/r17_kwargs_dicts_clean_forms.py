"""Correct (round 17's false-alarm hunt): a **kwargs parameter annotated with a shape; keys not named by parameters."""
from typing import TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def total(x: Tensor[B, 4], **rest: Tensor[B, 4]) -> Tensor[B, 4]:
    out = x
    for v in rest.values():
        out = out + v
    return out


parts = {"a": tf.zeros(3, 4), "b": tf.ones(3, 4)}
print(total(tf.zeros(3, 4), **parts).shape)
print(total(**{"x": tf.zeros(3, 4), "c": tf.zeros(3, 4)}).shape)
