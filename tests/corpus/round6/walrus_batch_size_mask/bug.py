"""A padding mask built from the batch size read with a walrus; the mask is made over the
features instead of the time steps."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


def masked_mean(x: Tensor[B, 7, 16], lengths: Tensor[B]) -> Tensor[B, 16]:
    if (n := x.shape[0]) > 0:
        steps = tf.arange(7).reshape(1, 7) * tf.ones(n, 1)
        mask = (steps < lengths.reshape(n, 1)) * 1.0
        return (x * mask[:, None, :]).sum(axis=1) / mask.sum(axis=1, keepdims=True)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, 7, 16], y has Tensor[B, 1, 7]; need equal sizes or 1 at axis -1 (16 vs 7)  [shape]
    return x.mean(axis=1)


print(masked_mean(tf.randn(2, 7, 16), tf.tensor([3.0, 7.0])).shape)
