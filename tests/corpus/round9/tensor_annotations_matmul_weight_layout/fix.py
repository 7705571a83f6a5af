"""Tensor Shape Annotations' matmul of a (Batch, Time, Depth) activation by a (Depth, Units)
kernel, translated: the kernel was made (units, depth)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Depth = TypeVar("Depth", bound=int)
Units = TypeVar("Units", bound=int)


@tf.shapecheck
def project(x: Tensor[Batch, Time, Depth], kernel: Tensor[Depth, Units]) -> Tensor[Batch, Time, Units]:
    return x @ kernel


kernel = tf.randn(16, 32)
print(project(tf.randn(2, 5, 16), kernel).shape)
