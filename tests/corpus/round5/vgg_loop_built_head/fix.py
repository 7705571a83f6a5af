"""A VGG-style stack built in a loop over channel pairs; the head counts one pool too few."""
from typing import Any, List

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

layers: List[Any] = []
for cin, cout in [(3, 16), (16, 32), (32, 64)]:
    layers.append(Conv((3, 3), cin, cout, relu, pad=1))
    layers.append(MaxPool((2, 2)))
model = Chain(*layers, Flatten(), Dense(64 * 4 * 4, 10))
print(model(tf.randn(2, 3, 32, 32)).shape)
