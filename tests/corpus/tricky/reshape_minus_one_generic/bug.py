"""Flatten with -1 inside a generic function, then a head of the wrong width for 4x4 maps."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

head = Dense(8 * 4, 10)


def classify(fmap: Tensor[B, 8, 4, 4]) -> Tensor[B, 10]:
    flat = fmap.reshape(fmap.shape[0], -1)
    return head(flat)  # BUG  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[B, 128]; need size 32 at axis -1 (got 128)  [shape]


print(classify(tf.randn(2, 8, 4, 4)).shape)
