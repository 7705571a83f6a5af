"""tensor_annotations' axis-typed style: Tensor[Batch, Time, Features] with the axes named by
module constants BATCH, TIME, FEATURES = 0, 1, 2; a time-mean readout must reduce over TIME and
return Tensor[Batch, Features]."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Features = TypeVar("Features", bound=int)

BATCH, TIME, FEATURES = 0, 1, 2


@tf.shapecheck
def readout(x: Tensor[Batch, Time, Features]) -> Tensor[Batch, Features]:
    return x.mean(axis=TIME)


h = readout(tf.randn(4, 7, 3))
print(h.shape)
