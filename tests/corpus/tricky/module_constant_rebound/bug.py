"""The hidden width is picked by a flag at module level: bound twice, so its size is whatever
ran (64 here), never the first value written."""
import os

import typedflux as tf
from typedflux import Chain, Dense, relu

SMALL = os.environ.get("EXAMPLE_SMALL_MODEL") == "1"
if SMALL:
    HIDDEN = 32
else:
    HIDDEN = 64
model = Chain(Dense(784, HIDDEN, relu), Dense(64, 10))
x = tf.rand(8, 784)
print(model(x).shape)
print((model(x) + tf.zeros(8, 12)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[8, 10], y has Tensor[8, 12]; need equal sizes or 1 at axis -1 (10 vs 12)  [shape]
