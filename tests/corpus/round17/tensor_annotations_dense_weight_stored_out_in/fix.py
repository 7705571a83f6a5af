"""tensor_annotations' Array3[Batch, Time, Features] @ Array2[Features, Hidden], translated: a
projection written with its weight stored (in, out); a weight stored PyTorch-style (out, in)
no longer contracts the features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def project(x: Tensor[B, T, 64], w: Tensor[64, 32]) -> Tensor[B, T, 32]:
    return x @ w


w = tf.randn(64, 32)
y = project(tf.randn(2, 7, 64), w)
print(y.shape)
