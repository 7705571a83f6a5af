"""A tensor argument with an unknown dim (``int``: a size from ``len(ids)`` through a generic
``def angles(t: T) -> Tensor[T, 8]``) where the parameter's dim is a size, or a dim another
argument binds: an unknown dim is never a mismatch, and the call runs. mypy checked the
argument against the parameter with the other arguments' sizes put in, and a tensor's dims
are invariant: `Argument 2 to "rotate" has incompatible type "Tensor[int, Literal[8]]";
expected "Tensor[Literal[5], Literal[8]]"  [arg-type]` (callbacks/unknown_dims.py). A dim
the call knows still has to fit."""

from typing import Tuple, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def angles(t: T) -> Tuple[Tensor[T, 8], Tensor[T, 8]]:
    theta = tf.arange(t).reshape(t, 1) * tf.ones(8)
    return tf.cos(theta), tf.sin(theta)


@tf.shapecheck
def rotate(x: Tensor[B, 4, T, 16], cos: Tensor[T, 8], sin: Tensor[T, 8]) -> Tensor[B, 4, T, 16]:
    x1, x2 = tf.chunk(x, 2)
    return tf.concat([x1 * cos - x2 * sin, x1 * sin + x2 * cos])


@tf.shapecheck
def scaled(x: Tensor[5, 8], by: Tensor[5, 8]) -> Tensor[5, 8]:
    return x * by


def inner(x: Tensor[B, 4, T, 16], n: int) -> Tensor[B, 4, T, 16]:
    cos, sin = angles(n)
    return rotate(x, cos, sin)


ids = [3, 4, 5, 6, 7]
q = tf.randn(1, 4, 5, 16)
cos, sin = angles(len(ids))
reveal_type(cos)  # N: Revealed type is "typedflux.tensor.Tensor[int, Literal[8]]"
reveal_type(rotate(q, cos, sin))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[4], Literal[5], Literal[16]]"
reveal_type(scaled(tf.ones(5, 8), cos))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[8]]"
assert inner(q, 5).shape == (1, 4, 5, 16)
rotate(q, tf.zeros(5, 6), sin)  # E: Argument "cos" of "rotate" has shape Tensor[5, 6], which does not match the annotation Tensor[T, 8]: axis 1 is 6, expected 8  [shape]  # N: B=1, T=5
