"""Pyre's Subtract[T, 2] dim operator: unfolding a sequence into overlapping windows of three
(stacking x[:, :-2], x[:, 1:-1], x[:, 2:] on a new last axis) gives Tensor[B, T - 2, 3]; the
windows then feed a Dense(3 => 1) scorer."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def unfold3(x: Tensor[B, T]) -> Tensor[B, "T - 2", 3]:
    return tf.stack([x[:, :-2], x[:, 1:], x[:, 2:]], axis=2)  # BUG  # E: Sizes differ for "stack": xs[0] has Tensor[B, T - 2], xs[1] has Tensor[B, T - 1]; need equal shapes (T - 2 vs T - 1 at axis 1)  [shape]


scorer = Dense(3, 1)
series = tf.randn(4, 20)
windows = unfold3(series)
scores = scorer(windows)
print(scores.shape)
