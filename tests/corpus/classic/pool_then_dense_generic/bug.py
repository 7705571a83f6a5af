"""Global pooling over the wrong axes leaves spatial dims where features are expected."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

head = Dense(32, 10)


def classify(fmap: Tensor[B, 32, H, W]) -> Tensor[B, 10]:
    pooled = fmap.mean(axis=1)
    return head(pooled)  # BUG  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[B, H, W]; need size 32 at axis -1 (got W)  [shape]


print(classify(tf.randn(2, 32, 4, 4)).shape)
