"""Pyre's Product[H, W], translated: a feature map becomes a sequence of H*W tokens of C
features, Tensor[B, C, H, W] -> Tensor[B, H*W, C]; moving the channels last without merging
the grid keeps four axes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def to_tokens(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W", C]:
    b, c, h, w = x.shape
    return x.transpose(0, 2, 3, 1)  # BUG  # E: Return shape Tensor[B, H, W, C] does not match the annotation Tensor[B, H*W, C]: rank is 4, expected 3  [shape]


print(to_tokens(tf.randn(2, 8, 4, 4)).shape)
