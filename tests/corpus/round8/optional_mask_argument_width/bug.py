"""A pooling helper takes an Optional padding mask of the sequence's length; it is given
one of the padded batch's maximum length."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def masked_mean(x: Tensor[B, T, D], mask: Optional[Tensor[B, T]] = None) -> Tensor[B, D]:
    if mask is None:
        return x.mean(axis=1)
    m = mask[:, :, None]
    return (x * m).sum(axis=1) / m.sum(axis=1)


h = tf.randn(3, 6, 8)
mask = tf.ones(3, 10)
print(masked_mean(h, mask=mask).shape)  # BUG  # E: Dim "T" differs for "masked_mean": argument "x" gives T = 6, argument "mask" gives T = 10; need one size for T (6 vs 10)  [shape]  # N: B=3, T=6, D=8
