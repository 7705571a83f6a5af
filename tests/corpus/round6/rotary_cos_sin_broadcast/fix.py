"""Rotary embeddings: cos/sin tables of the head's half width broadcast over batch and heads;
the table was built for the full head width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def rotate(x: Tensor[B, H, T, 16], cos: Tensor[T, 8], sin: Tensor[T, 8]) -> Tensor[B, H, T, 16]:
    x1, x2 = tf.chunk(x, 2)
    return tf.concat([x1 * cos - x2 * sin, x1 * sin + x2 * cos])


theta = tf.arange(6).reshape(6, 1) * tf.ones(1, 8)
print(rotate(tf.randn(2, 4, 6, 16), tf.cos(theta), tf.sin(theta)).shape)
