"""A display given to `tuple(...)`, `list(...)`, `set(...)` or `frozenset(...)` at a boundary,
and a display added to a list declared with its item's shape by `+=`: mypy takes the
constructor's item type from the annotation and reports the item itself (`[list-item]`, in
`Literal` words); the checker reports it in the boundary's words, naming the item as the
built container has it (mypy_plugin/callbacks/boundary_index.py). Concrete and symbolic, each
fix clean.

`@tf.shapecheck` raises the same words for the returned containers at run time (the calls at
the bottom); `+=` meets a variable's annotation, static only. A generator or comprehension
given to them (`tuple(h for ...)`) is named `(generator item)`, and `tuple([...])` for a
`Tuple[Tensor[...], ...]` is not checked by `@tf.shapecheck`: static only, as the
comprehension boundaries (tests/plugin/test_comprehension_boundaries.py).
"""

from typing import FrozenSet, List, Set, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def unique(x: Tensor[B, 8]) -> Set[Tensor[B, 4]]:
    return set([Dense(8, 3)(x)])  # E: Return shape Tensor[B, 3] (set item) does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]


@tf.shapecheck
def unique_fixed(x: Tensor[B, 8]) -> Set[Tensor[B, 4]]:
    return set([Dense(8, 4)(x)])


@tf.shapecheck
def frozen(x: Tensor[4, 8]) -> FrozenSet[Tensor[4, 8]]:
    return frozenset([x, x[:, 1:]])  # E: Return shape Tensor[4, 7] (set item) does not match the annotation Tensor[4, 8]: axis 1 is 7, expected 8  [shape]


@tf.shapecheck
def frozen_fixed(x: Tensor[4, 8]) -> FrozenSet[Tensor[4, 8]]:
    return frozenset([x, x])


@tf.shapecheck
def copied(x: Tensor[B, N]) -> List[Tensor[B, N]]:
    return list((x, tf.cat(x, x, axis=1)))  # E: Return shape Tensor[B, 2*N] (list item 1) does not match the annotation Tensor[B, N]: axis 1 is 2*N, expected N  [shape]


@tf.shapecheck
def copied_fixed(x: Tensor[B, N]) -> List[Tensor[B, N]]:
    return list((x, x))


def grown(x: Tensor[B, N]) -> List[Tensor[B, N]]:
    ys: List[Tensor[B, N]] = []
    ys += [x, x[:, 2:]]  # E: Assigned shape Tensor[B, N - 2] (extended item 1) does not match the annotation Tensor[B, N] of "ys": axis 1 is N - 2, expected N  [shape]
    return ys


def grown_fixed(x: Tensor[B, N]) -> List[Tensor[B, N]]:
    ys: List[Tensor[B, N]] = []
    ys += [x, x]
    return ys


history: List[Tensor[2, 3]] = []
history += [tf.zeros(2, 4)]  # E: Assigned shape Tensor[2, 4] (extended item 0) does not match the annotation Tensor[2, 3] of "history": axis 1 is 4, expected 3  [shape]
history += [tf.zeros(2, 3)]

# a list typed by its first items may mix shapes (callbacks/lists.py): no annotation is met
seen = [tf.zeros(2, 3)]
seen += [tf.zeros(2, 4)]


x4 = tf.zeros(4, 8)
unique(x4)
unique_fixed(x4)
frozen(x4)
frozen_fixed(x4)
copied(x4)
copied_fixed(x4)
grown(x4)
grown_fixed(x4)
