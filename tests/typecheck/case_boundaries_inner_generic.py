"""A generic call inside an expression that meets an annotation: a walrus's value, a lambda
argument's return. Its type variables are inferred from its arguments there (as at a statement's
boundary), so the difference is the boundary's `[shape]` error, not mypy's `[list-item]` or
`[arg-type]` in `Literal` words: `boundary_index.boundary_of` gives `generic_context` these
inner boundaries too (mypy_plugin/callbacks/boundary_index.py). Concrete and symbolic, each
with its fix. Static only: a local annotation and a lambda's return are not checked at run time.
"""

from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
X = TypeVar("X")


def first(xs: Sequence[X]) -> X:
    return xs[0]


def pick(x: X) -> X:
    return x


def walrus_first() -> Optional[Tensor[2, 4]]:
    h: Tensor[2, 4]
    if (h := first([tf.zeros(2, 5)])) is not None:  # E: Assigned shape Tensor[2, 5] does not match the annotation Tensor[2, 4] of "h": axis 1 is 5, expected 4  [shape]
        return h
    return None


def walrus_first_fixed() -> Optional[Tensor[2, 4]]:
    h: Tensor[2, 4]
    if (h := first([tf.zeros(2, 4)])) is not None:
        return h
    return None


def walrus_pick(x: Tensor[B, 8]) -> Optional[Tensor[B, 4]]:
    h: Tensor[B, 4]
    if (h := pick(x[:, :5])) is not None:  # E: Assigned shape Tensor[B, 5] does not match the annotation Tensor[B, 4] of "h": axis 1 is 5, expected 4  [shape]
        return h
    return None


def walrus_pick_fixed(x: Tensor[B, 8]) -> Optional[Tensor[B, 4]]:
    h: Tensor[B, 4]
    if (h := pick(x[:, :4])) is not None:
        return h
    return None


@dataclass
class State:
    a: Tensor[2, 4] = field(default_factory=lambda: first([tf.zeros(2, 7)]))  # E: Argument "default_factory" of "field" is a function whose return shape Tensor[2, 7] does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]
    a_fixed: Tensor[2, 4] = field(default_factory=lambda: first([tf.zeros(2, 4)]))


def apply(f: Callable[[Tensor[2, 8]], Tensor[2, 4]]) -> None: ...


apply(lambda t: pick(t[:, 1:]))  # E: Argument "f" of "apply" is a function whose return shape Tensor[2, 7] does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]
apply(lambda t: pick(t[:, 4:]))
