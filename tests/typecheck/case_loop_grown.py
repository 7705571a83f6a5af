# mypy: allow-redefinition
"""A name a loop rebinds by other means than its own variable (``g = tf.stack([g, g],
axis=1)`` in ``for _ in range(k)``; ``x = tf.cat(x, x, axis=1)`` in a ``while``), at module
level or in a function, then assigned to an annotated name or returned: with
``allow_redefinition`` (the README's configuration) mypy types it there as the union of its
first type, the first pass's and one of unknown sizes (the shape changes from pass to pass:
the plugin cannot tell it after the second), and reported the union against the annotation
in ``Literal`` words, though the programs below run. The error is dropped when a member of
unknown sizes fits the annotation (callbacks/grown_names.py): unknown dims
are never an error. An annotation the shape all members share provably differs from (every
pass keeps axis 0) is reported in that shape's words (``Tensor[4, ?]``); a loop whose passes all give one shape keeps the check
(tests/typecheck/case_loop_accumulators.py, ``repeated``).
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

g = tf.zeros(2, 8)
for _ in range(1):
    g = tf.stack([g, g], axis=1)
stacked: Tensor[2, 2, 8] = g

w = tf.zeros(4, 8)
while w.shape[1] < 16:
    w = tf.cat(w, w, axis=1)
wide: Tensor[4, 16] = w
rows: Tensor[3, 16] = w  # E: Assigned shape Tensor[4, ?] does not match the annotation Tensor[3, 16] of "rows": axis 0 is 4, expected 3  [shape]


@tf.shapecheck
def grow() -> Tensor[2, 2, 8]:
    h = tf.zeros(2, 8)
    for _ in range(1):
        h = tf.stack([h, h], axis=1)
    return h


@tf.shapecheck
def grow_batch(x: Tensor[B, 8]) -> Tensor[B, 2, 8]:
    h = x
    for _ in range(1):
        h = tf.stack([h, h], axis=1)
    return h


@tf.shapecheck
def pad_to(x: Tensor[B, 8], n: int) -> Tensor[B, 16]:
    y = x
    while y.shape[1] < n:
        y = tf.cat(y, y, axis=1)
    return y


@tf.shapecheck
def padded_rows(n: int) -> Tensor[3, 16]:
    y = tf.zeros(4, 8)
    while y.shape[1] < n:
        y = tf.cat(y, y, axis=1)
    return y  # E: Return shape Tensor[4, ?] does not match the annotation Tensor[3, 16]: axis 0 is 4, expected 3  [shape]


@tf.shapecheck
def pad_twice(x: Tensor[B, 8], n: int) -> Tensor[B, 2, 16]:
    y = x
    while y.shape[1] < n:
        y = tf.cat(y, y, axis=1)
    return y  # E: Return shape Tensor[B, ?] does not match the annotation Tensor[B, 2, 16]: rank is 2, expected 3  [shape]


assert (stacked.shape, wide.shape) == ((2, 2, 8), (4, 16))
assert grow().shape == (2, 2, 8)
assert grow_batch(tf.zeros(3, 8)).shape == (3, 2, 8)
assert pad_to(tf.zeros(5, 8), 16).shape == (5, 16)
padded_rows(16)
pad_twice(tf.zeros(3, 8), 16)
