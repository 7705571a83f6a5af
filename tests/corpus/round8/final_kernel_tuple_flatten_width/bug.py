"""Kernel and stride kept in Final tuples; the classifier's input was computed for an
unpadded conv."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

KERNEL: Final = (5, 5)
POOL: Final = (2, 2)
lenet = Chain(
    Conv(KERNEL, 1, 6, relu, pad=2),
    MaxPool(POOL),
    Conv(KERNEL, 6, 16, relu),
    MaxPool(POOL),
    Flatten(),
    Dense(16 * 4 * 4, 120, relu),
    Dense(120, 10),
)
print(lenet(tf.randn(2, 1, 28, 28)).shape)  # BUG  # E: Chain layer 6 Dense(256 => 120, relu) expects input Tensor[..., 256], but layer 5 Flatten() produces Tensor[2, 400]; change Dense(256 => 120, relu) to Dense(400 => 120, relu)  [shape]
