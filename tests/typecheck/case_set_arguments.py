"""A set of tensors passed for a container parameter: mypy alone says ``Argument 2 to <set>
has incompatible type`` in ``Literal`` words. A set has no order (a tensor hashes by identity,
so the run's order changes from run to run): each item is checked on its own, named by the
parameter, and reported only when every failing item fails in the same words;
``@tf.shapecheck`` checks a set argument the same way."""

from typing import AbstractSet, FrozenSet, Iterable, Set, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def pool(xs: Set[Tensor[B, 4]]) -> int:
    return len(xs)


@tf.shapecheck
def pool_fixed(xs: AbstractSet[Tensor[3, 4]]) -> int:
    return len(xs)


@tf.shapecheck
def pool_frozen(xs: FrozenSet[Tensor[B, 4]]) -> int:
    return len(xs)


@tf.shapecheck
def pool_any(xs: Iterable[Tensor[B, 4]]) -> int:
    return len(list(xs))


x = tf.randn(3, 12)
y = tf.randn(3, 4)
z = tf.randn(5, 4)
pool({y, z})  # B differs between the items: which one binds it first is the run's order
pool_fixed({y})
pool_frozen(frozenset({y, z}))
pool_any({y, z})
pool({y, x})  # E: Argument "xs" of "pool" has shape Tensor[3, 12], which does not match the annotation Tensor[B, 4]: axis 1 is 12, expected 4  [shape]  # N: B=3
pool_fixed({y, x})  # E: Argument "xs" of "pool_fixed" has shape Tensor[3, 12], which does not match the annotation Tensor[3, 4]: axis 1 is 12, expected 4  [shape]
pool_any({x, y})  # E: Argument "xs" of "pool_any" has shape Tensor[3, 12], which does not match the annotation Tensor[B, 4]: axis 1 is 12, expected 4  [shape]  # N: B=3
# Two items failing in other words: the run names one or the other.
pool_fixed({x, tf.randn(3, 5)})  # type: ignore[arg-type]
