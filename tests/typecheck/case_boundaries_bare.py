"""Boundaries no hook runs for: a bare name, and a number on the left of an operator.

mypy reads a name's type with no plugin hook (``return x``), and runs a tensor's reflected
operator (``2 * x``) inside an error filter after the number's own method failed, so neither
can report there; mypy reports the boundary itself, and the checker rewords that error in
the boundary's words (mypy_plugin/callbacks/reworded.py). A parameter returned, yielded or
assigned as it is, a loop variable over a list parameter, a name assigned from an op and
read again before it is returned, a scaled value, tuples and lists of them (an LSTM step's
``(h, c)``, a loader's batches); concrete and symbolic, each fix clean.
`@tf.shapecheck` raises the same words at run time (the calls at the bottom).
"""

from typing import Iterator, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

proj = Dense(64, 32)


# -- a residual branch meant to project returns its input ----------------------------------------
@tf.shapecheck
def shortcut(x: Tensor[B, 64]) -> Tensor[B, 32]:
    return x  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def shortcut_fixed(x: Tensor[B, 64]) -> Tensor[B, 32]:
    return proj(x)


@tf.shapecheck
def transposed(x: Tensor[B, N]) -> Tensor[N, B]:
    return x  # E: Return shape Tensor[B, N] does not match the annotation Tensor[N, B]: axis 0 is B, expected N  [shape]


@tf.shapecheck
def transposed_fixed(x: Tensor[B, N]) -> Tensor[N, B]:
    return x.T


@tf.shapecheck
def concrete(x: Tensor[4, 64]) -> Tensor[4, 32]:
    return x  # E: Return shape Tensor[4, 64] does not match the annotation Tensor[4, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def concrete_fixed(x: Tensor[4, 64]) -> Tensor[4, 32]:
    return proj(x)


# -- yielded and assigned as they are -----------------------------------------------------------
@tf.shapecheck
def batches(x: Tensor[B, 64]) -> Iterator[Tensor[B, 32]]:
    yield x  # E: Yielded shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def batches_fixed(x: Tensor[B, 64]) -> Iterator[Tensor[B, 32]]:
    yield proj(x)


def kept(x: Tensor[B, 64]) -> None:
    h: Tensor[B, 32] = x  # E: Assigned shape Tensor[B, 64] does not match the annotation Tensor[B, 32] of "h": axis 1 is 64, expected 32  [shape]


def kept_fixed(x: Tensor[B, 64]) -> None:
    h: Tensor[B, 32] = proj(x)


# -- a loop variable over a list parameter ------------------------------------------------------
@tf.shapecheck
def first_wide(xs: List[Tensor[B, 64]]) -> Tensor[B, 32]:
    for x in xs:
        return x  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]
    raise ValueError("no tensors")


@tf.shapecheck
def first_wide_fixed(xs: List[Tensor[B, 64]]) -> Tensor[B, 32]:
    for x in xs:
        return proj(x)
    raise ValueError("no tensors")


# -- a name assigned from an op, read again, then returned --------------------------------------
@tf.shapecheck
def cached(x: Tensor[B, 64]) -> Tensor[B, 32]:
    h = x.T.T
    norms = h.sum(axis=1)
    return h  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def cached_fixed(x: Tensor[B, 64]) -> Tensor[B, 32]:
    h = proj(x)
    norms = h.sum(axis=1)
    return h


# -- a number on the left of an operator --------------------------------------------------------
@tf.shapecheck
def scaled(x: Tensor[B, 16]) -> Tensor[B, 4]:
    return 0.5 * Dense(16, 8)(x)  # E: Return shape Tensor[B, 8] does not match the annotation Tensor[B, 4]: axis 1 is 8, expected 4  [shape]


@tf.shapecheck
def scaled_fixed(x: Tensor[B, 16]) -> Tensor[B, 4]:
    return 0.5 * Dense(16, 4)(x)


@tf.shapecheck
def shifted(x: Tensor[B, 16]) -> Iterator[Tensor[B, 4]]:
    yield 1 - x  # E: Yielded shape Tensor[B, 16] does not match the annotation Tensor[B, 4]: axis 1 is 16, expected 4  [shape]


@tf.shapecheck
def shifted_fixed(x: Tensor[B, 16]) -> Iterator[Tensor[B, 16]]:
    yield 1 - x


@tf.shapecheck
def doubled(x: Tensor[B, 16]) -> Tensor[B, 4]:
    h = 2 * x
    return h  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 4]: axis 1 is 16, expected 4  [shape]


@tf.shapecheck
def doubled_fixed(x: Tensor[B, 16]) -> Tensor[B, 16]:
    h = 2 * x
    return h


def halved(x: Tensor[B, 16]) -> None:
    h: Tensor[B, 4] = 0.5 * x  # E: Assigned shape Tensor[B, 16] does not match the annotation Tensor[B, 4] of "h": axis 1 is 16, expected 4  [shape]


def halved_fixed(x: Tensor[B, 16]) -> None:
    h: Tensor[B, 16] = 0.5 * x


# -- tuple displays of bare names: an LSTM's (h, c), a loader's batches ------------------------
@tf.shapecheck
def step(h: Tensor[B, 64], c: Tensor[B, 32]) -> Tuple[Tensor[B, 32], Tensor[B, 32]]:
    return h, c  # E: Return shape Tensor[B, 64] (tuple item 0) does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def step_fixed(h: Tensor[B, 64], c: Tensor[B, 32]) -> Tuple[Tensor[B, 32], Tensor[B, 32]]:
    return proj(h), c


@tf.shapecheck
def pairs(xb: Tensor[B, 64], yb: Tensor[B]) -> Iterator[Tuple[Tensor[B, 32], Tensor[B]]]:
    yield xb, yb  # E: Yielded shape Tensor[B, 64] (tuple item 0) does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def pairs_fixed(xb: Tensor[B, 64], yb: Tensor[B]) -> Iterator[Tuple[Tensor[B, 64], Tensor[B]]]:
    yield xb, yb


@tf.shapecheck
def scaled_pair(x: Tensor[B, 16], n: int) -> Tuple[Tensor[B, 4], int]:
    return 0.5 * x, n  # E: Return shape Tensor[B, 16] (tuple item 0) does not match the annotation Tensor[B, 4]: axis 1 is 16, expected 4  [shape]


@tf.shapecheck
def scaled_pair_fixed(x: Tensor[B, 16], n: int) -> Tuple[Tensor[B, 16], int]:
    return 0.5 * x, n


def kept_pair(xb: Tensor[B, 64], yb: Tensor[B]) -> None:
    batch: Tuple[Tensor[B, 32], Tensor[B]] = xb, yb  # E: Assigned shape Tensor[B, 64] (tuple item 0) does not match the annotation Tensor[B, 32] of "batch": axis 1 is 64, expected 32  [shape]


def kept_pair_fixed(xb: Tensor[B, 64], yb: Tensor[B]) -> None:
    batch: Tuple[Tensor[B, 64], Tensor[B]] = xb, yb


# -- list displays of bare names ------------------------------------------------------------------
@tf.shapecheck
def features(h: Tensor[B, 32], x: Tensor[B, 64]) -> List[Tensor[B, 32]]:
    return [h, x]  # E: Return shape Tensor[B, 64] (list item 1) does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


@tf.shapecheck
def features_fixed(h: Tensor[B, 32], x: Tensor[B, 64]) -> List[Tensor[B, 32]]:
    return [h, proj(x)]


def kept_list(x: Tensor[B, 64]) -> None:
    hs: List[Tensor[B, 32]] = [x]  # E: Assigned shape Tensor[B, 64] (list item 0) does not match the annotation Tensor[B, 32] of "hs": axis 1 is 64, expected 32  [shape]


def kept_list_fixed(x: Tensor[B, 64]) -> None:
    hs: List[Tensor[B, 32]] = [proj(x)]


# -- a nested function returning the outer function's parameter -------------------------------
def outer(x: Tensor[B, 64]) -> Tensor[B, 32]:
    @tf.shapecheck
    def inner() -> Tensor[B, 32]:
        return x  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]

    return inner()


def outer_fixed(x: Tensor[B, 64]) -> Tensor[B, 32]:
    @tf.shapecheck
    def inner() -> Tensor[B, 32]:
        return proj(x)

    return inner()


# -- concrete, at module level: static only (a variable annotation is not evaluated) ----------
x3 = tf.zeros(3, 64)
wide: Tensor[3, 32] = x3  # E: Assigned shape Tensor[3, 64] does not match the annotation Tensor[3, 32] of "wide": axis 1 is 64, expected 32  [shape]
wide_fixed: Tensor[3, 64] = x3
half: Tensor[3, 32] = 0.5 * x3  # E: Assigned shape Tensor[3, 64] does not match the annotation Tensor[3, 32] of "half": axis 1 is 64, expected 32  [shape]
half_fixed: Tensor[3, 64] = 0.5 * x3


x5 = tf.zeros(5, 64)
x7 = tf.zeros(5, 16)
shortcut(x5)
shortcut_fixed(x5)
transposed(tf.zeros(5, 6))
transposed_fixed(tf.zeros(5, 6))
concrete(tf.zeros(4, 64))
concrete_fixed(tf.zeros(4, 64))
list(batches(x5))
list(batches_fixed(x5))
kept(x5)
kept_fixed(x5)
first_wide([x5])
first_wide_fixed([x5])
cached(x5)
cached_fixed(x5)
scaled(x7)
scaled_fixed(x7)
list(shifted(x7))
list(shifted_fixed(x7))
doubled(x7)
doubled_fixed(x7)
halved(x7)
halved_fixed(x7)
step(x5, tf.zeros(5, 32))
step_fixed(x5, tf.zeros(5, 32))
list(pairs(x5, tf.zeros(5)))
list(pairs_fixed(x5, tf.zeros(5)))
scaled_pair(x7, 2)
scaled_pair_fixed(x7, 2)
kept_pair(x5, tf.zeros(5))
kept_pair_fixed(x5, tf.zeros(5))
features(tf.zeros(5, 32), x5)
features_fixed(tf.zeros(5, 32), x5)
kept_list(x5)
kept_list_fixed(x5)
outer(x5)
outer_fixed(x5)
