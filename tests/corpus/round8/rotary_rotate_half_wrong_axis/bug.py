"""Rotary embeddings' rotate_half: the two halves of the head dim are swapped with a sign;
the concat ran along the time axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def rotate_half(x: Tensor[B, T, "2*D"]) -> Tensor[B, T, "2*D"]:
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return tf.concat([-x2, x1], axis=-2)  # BUG  # E: Return shape Tensor[B, 2*T, D] does not match the annotation Tensor[B, T, 2*D]: axis 1 is 2*T, expected T  [shape]


print(rotate_half(tf.randn(2, 5, 8)).shape)
