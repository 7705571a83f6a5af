"""Two nested functions of one name, each over its own TypeVar: each reads its own names.

mypy scopes a nested function's TypeVars by the function's bare name, so ``inner``'s ``N``
in ``first`` and ``inner``'s ``M`` in ``second`` compare equal as types; a memo of the
shapes read keyed by the type gave ``second`` the name ``N`` (a false ``Return shape
Tensor[2*N, 4] ... expected 2*M``). A type that holds a TypeVar is read each time.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def first() -> None:
    @tf.shapecheck
    def inner(x: Tensor[N, 4]) -> Tensor[N, 4]:
        return x

    inner(tf.randn(3, 4))


def second() -> None:
    @tf.shapecheck
    def inner(x: Tensor[M, 4]) -> Tensor["2*M", 4]:
        return tf.cat(x, x, axis=0)

    inner(tf.randn(3, 4))


def third() -> None:
    @tf.shapecheck
    def inner(x: Tensor[M, 4]) -> Tensor["2*M", 4]:
        return x  # E: Return shape Tensor[M, 4] does not match the annotation Tensor[2*M, 4]: axis 0 is M, expected 2*M  [shape]

    inner(tf.randn(3, 4))


first()
second()
third()
