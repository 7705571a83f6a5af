"""tsalib's named-dim reshapes (`x.view(B, T*D)` for a `(b,t,d)` tensor), translated: a
function that merges the time and feature axes merged the batch and time axes instead."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def merge(x: Tensor[B, T, D]) -> Tensor[B, "T*D"]:
    b, t, d = x.shape
    return x.reshape(b * t, d)  # BUG  # E: Return shape Tensor[B*T, D] does not match the annotation Tensor[B, D*T]: axis 0 is B*T, expected B  [shape]


print(merge(tf.randn(2, 3, 4)).shape)
