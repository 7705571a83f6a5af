"""Pyre's `torch.flatten(x, start_dim=1)` (`Multiply[C, Multiply[H, W]]`), translated: the
batch was merged into the features by flattening from axis 0."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def flatten(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    return x.reshape(-1)  # BUG  # E: Return shape Tensor[B*C*H*W] does not match the annotation Tensor[B, C*H*W]: rank is 1, expected 2  [shape]


print(flatten(tf.randn(2, 3, 4, 4)).shape)
