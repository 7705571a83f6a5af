"""A VGG-style stack built in a loop over channel pairs; the head counts one pool too few."""
from typing import Any, List

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

layers: List[Any] = []
for cin, cout in [(3, 16), (16, 32), (32, 64)]:
    layers.append(Conv((3, 3), cin, cout, relu, pad=1))
    layers.append(MaxPool((2, 2)))
model = Chain(*layers, Flatten(), Dense(64 * 8 * 8, 10))
print(model(tf.randn(2, 3, 32, 32)).shape)  # BUG  # E: Chain layer 8 Dense(4096 => 10) expects input Tensor[..., 4096], but layer 7 Flatten() produces Tensor[2, 1024]; change Dense(4096 => 10) to Dense(1024 => 10)  [shape]
