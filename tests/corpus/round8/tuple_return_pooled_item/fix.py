"""An encoder returns its sequence and its pooled vector; the pooled slot got the first
token's sequence slice with the time axis kept."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
proj = Dense(8, 16)


@tf.shapecheck
def encode(x: Tensor[B, T, 8]) -> Tuple[Tensor[B, T, 16], Tensor[B, 16]]:
    h = proj(x)
    return h, h[:, 0]


seq, pooled = encode(tf.randn(2, 5, 8))
print(seq.shape, pooled.shape)
