# mypy: allow-redefinition
"""An accumulator rebound in a loop from the loop's own variable as an operand (``out =
tf.zeros(1, 32)``; ``for v in levels: out = out + v``, or ``out += v``), then returned: with
``allow_redefinition`` (the README's configuration) mypy types ``out`` there as the union of
its first type and the loop's, ``Tensor[1, 32] | Tensor[B, 32]``, and reported it against the
annotation (``[return-value]`` in ``Literal`` words) though the functions below are correct
for every call: how many passes run decides the shape. The error is dropped when a member of
the union fits the annotation (callbacks/loop_accumulators.py); an accumulator that fits on
no path is reported in the words of the shape all members share (``Tensor[?, 32]``:
callbacks/grown_names.py), and a loop whose variable does not make the value
(``for _ in range(n): acc = acc + x``: with ``n = 0`` the result is ``Tensor[1, 32]`` for a
batch ``B``) keeps mypy's error.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def summed(levels: List[Tensor[B, 32]]) -> Tensor[B, 32]:
    out = tf.zeros(1, 32)
    for v in levels:
        out = out + v
    return out


@tf.shapecheck
def summed_in_place(levels: List[Tensor[B, 32]]) -> Tensor[B, 32]:
    out = tf.zeros(1, 32)
    for v in levels:
        out += v
    return out


@tf.shapecheck
def fused(**levels: Tensor[B, 32, 8, 8]) -> Tensor[B, 32, 8, 8]:
    out = tf.zeros(1, 32, 8, 8)
    for name, v in levels.items():
        out = out + v * 0.5
    return out


@tf.shapecheck
def summed_wide(levels: List[Tensor[B, 32]]) -> Tensor[B, 64]:
    out = tf.zeros(1, 32)
    for v in levels:
        out = out + v
    return out  # E: Return shape Tensor[?, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


def repeated(x: Tensor[B, 32], n: int) -> Tensor[B, 32]:
    acc = tf.zeros(1, 32)
    for _ in range(n):
        acc = acc + x
    return acc  # E: Incompatible return value type (got "Tensor[Literal[1], Literal[32]] | Tensor[B, Literal[32]]", expected "Tensor[B, Literal[32]]")  [return-value]


assert summed([tf.randn(3, 32), tf.randn(3, 32)]).shape == (3, 32)
assert summed_in_place([tf.randn(2, 32)]).shape == (2, 32)
assert fused(p3=tf.randn(2, 32, 8, 8), p4=tf.randn(2, 32, 8, 8)).shape == (2, 32, 8, 8)
summed_wide([tf.randn(3, 32)])
