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


kernel = tf.randn(32, 16)
print(project(tf.randn(2, 5, 16), kernel).shape)  # BUG  # E: Dim "Depth" differs for "project": argument "x" gives Depth = 16, argument "kernel" gives Depth = 32; need one size for Depth (16 vs 32)  [shape]  # N: Batch=2, Time=5, Depth=16
