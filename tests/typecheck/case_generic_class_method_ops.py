"""An op inside a method of a user generic class over dims, on a shape written with the class's
dim: ``tf.chunk`` of ``x: Tensor[B, "2*I"]`` in a method of ``Halver(Generic[I])`` gives halves
of ``Tensor[B, I]``, the class's ``I`` (it was ``Literal['I']``: mypy refused ``return a`` for
``-> Tensor[B, I]`` in ``Literal`` words, redteam s11 fa06). A half returned for the whole width
is still a ``[shape]`` error, in the method and at run time (``@tf.shapecheck``).
"""

from typing import Generic, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)


class Halver(Generic[I]):
    def __init__(self, w: Tensor[I, I]) -> None:
        self.w = w

    def halves(self, x: Tensor[B, "2*I"]) -> Tuple[Tensor[B, I], Tensor[B, I]]:
        a, b = tf.chunk(x, 2, axis=1)
        return a, b

    def first(self, x: Tensor[B, "2*I"]) -> Tensor[B, I]:
        a, b = tf.chunk(x, 2, axis=1)
        return a

    def mixed(self, x: Tensor[B, "2*I"]) -> Tensor[B, I]:
        a, b = tf.chunk(x, 2, axis=1)
        return tf.tanh(a) * b @ self.w

    @tf.shapecheck
    def whole(self, x: Tensor[B, "2*I"]) -> Tensor[B, "2*I"]:
        a, b = tf.chunk(x, 2, axis=1)
        return a  # E: Return shape Tensor[B, I] does not match the annotation Tensor[B, 2*I]: axis 1 is I, expected 2*I  [shape]


h = Halver(tf.zeros(3, 3))
p, q = h.halves(tf.zeros(2, 6))
one: Tensor[2, 3] = h.first(tf.zeros(2, 6))
two: Tensor[2, 3] = h.mixed(tf.zeros(2, 6))
h.whole(tf.zeros(2, 6))
