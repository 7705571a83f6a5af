"""A CNN feature extractor returns flattened features; the flatten keeps the channel axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def flatten_features(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    b, c, h, w = x.shape
    return x.reshape(b * c, h * w)  # BUG  # E: Return shape Tensor[B*C, H*W] does not match the annotation Tensor[B, C*H*W]: axis 0 is B*C, expected B  [shape]


feats = flatten_features(tf.randn(2, 3, 4, 4))
print(feats.shape)
