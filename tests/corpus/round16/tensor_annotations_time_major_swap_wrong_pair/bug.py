"""tensor_annotations' `Tensor3[Time, Batch, Features]` to `Tensor3[Batch, Time, Features]`:
the transpose swapped time with the features instead of with the batch."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Time = TypeVar("Time", bound=int)
Batch = TypeVar("Batch", bound=int)
Features = TypeVar("Features", bound=int)


@tf.shapecheck
def batch_major(x: Tensor[Time, Batch, Features]) -> Tensor[Batch, Time, Features]:
    return x.transpose(0, 2, 1)  # BUG  # E: Return shape Tensor[Time, Features, Batch] does not match the annotation Tensor[Batch, Time, Features]: axis 0 is Time, expected Batch  [shape]


print(batch_major(tf.randn(9, 2, 5)).shape)
