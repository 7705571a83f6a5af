"""tensor_annotations' style: axes are named types (Batch, Time, Features) and ops keep them;
an RNN-style loop wants time-major input Tensor3[Time, Batch, Features], so the batch-first
sequence is transposed first; each step's hidden update is a Dense on the features."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Features = TypeVar("Features", bound=int)


@tf.shapecheck
def to_time_major(x: Tensor[Batch, Time, Features]) -> Tensor[Time, Batch, Features]:
    return x.transpose(1, 0, 2)


cell = Dense(4 + 6, 6, tf.tanh)
seq = tf.randn(2, 5, 4)
steps = to_time_major(seq)
h = tf.zeros(2, 6)
for x_t in steps:
    h = cell(tf.cat(x_t, h, axis=1))
print(h.shape)
