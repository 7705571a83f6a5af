"""A triplet margin loss: the negative distance was summed over the batch instead of the
embedding axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
embed = Dense(12, 16)


def triplet(a: Tensor[B, 12], p: Tensor[B, 12], n: Tensor[B, 12]) -> Tensor[()]:
    ea, ep, en = embed(a), embed(p), embed(n)
    dp = ((ea - ep) ** 2).sum(axis=-1)
    dn = ((ea - en) ** 2).sum(axis=0)
    return tf.relu(dp - dn + 0.2).mean()  # BUG  # E: Cannot broadcast for "sub": x has Tensor[B], y has Tensor[16]; need equal sizes or 1 at axis -1 (B vs 16)  [shape]


print(triplet(tf.randn(4, 12), tf.randn(4, 12), tf.randn(4, 12)).item())
