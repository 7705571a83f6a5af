"""The flattened size is a Final computed from other Finals; the pooled size is miscounted."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)

CHANNELS: Final = 8
SIDE: Final = 8
POOLED: Final = SIDE // 2
FLAT: Final = CHANNELS * POOLED * POOLED

model = Chain(Conv((3, 3), 1, CHANNELS, relu, pad=1), MaxPool((2, 2)), Flatten(), Dense(FLAT, 10))


def classify(x: Tensor[B, 1, SIDE, SIDE]) -> Tensor[B, 10]:
    return model(x)


print(classify(tf.randn(2, 1, SIDE, SIDE)).shape)
