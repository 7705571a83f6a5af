"""An encoder returns (outputs, summary); the summary is taken over the wrong axis."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, tanh

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

proj = Dense(12, 24, tanh)


@tf.shapecheck
def encode(x: Tensor[B, T, 12]) -> Tuple[Tensor[B, T, 24], Tensor[B, 24]]:
    h = proj(x)
    return h, h.mean(axis=2)  # BUG  # E: Return shape Tensor[B, T] (tuple item 1) does not match the annotation Tensor[B, 24]: axis 1 is T, expected 24  [shape]


out, summary = encode(tf.randn(2, 7, 12))
print(out.shape, summary.shape)
