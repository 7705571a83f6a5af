"""A CNN built in a loop over (channels, stride) pairs with append; the head's width is the
first stage's."""
from typing import Any, List

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, relu

layers: List[Any] = []
cin = 3
for cout, stride in [(16, 1), (32, 2), (64, 2)]:
    layers.append(Conv((3, 3), cin, cout, stride=stride, pad=1))
    layers.append(BatchNorm(cout, relu))
    cin = cout
model = Chain(*layers, GlobalMeanPool(), Flatten(), Dense(cin, 10))
print(model(tf.randn(2, 3, 16, 16)).shape)
