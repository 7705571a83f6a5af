"""A masked mean with an Optional mask whose length differs from the sequence's."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def masked_mean(x: Tensor[B, T, 16], mask: Optional[Tensor[B, T]] = None) -> Tensor[B, 16]:
    if mask is None:
        return x.mean(axis=1)
    m = mask[:, :, None]
    return (x * m).sum(axis=1) / (m.sum(axis=1) + 1e-6)


print(masked_mean(tf.randn(2, 7, 16)).shape)
print(masked_mean(tf.randn(2, 7, 16), tf.ones(2, 7)).shape)
print(masked_mean(tf.randn(2, 7, 16), mask=tf.ones(2, 7)).shape)
