"""An MLP built from a list of sizes (unknown statically) feeds a fixed-width head."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, relu

sizes: List[int] = [12, 32, 32, 8]
body = Chain(*[Dense(a, b, relu) for a, b in zip(sizes[:-1], sizes[1:])])
head = Dense(8, 3)
x = tf.randn(2, 12)
h = body(x)
print(head(h).shape)
bad = tf.randn(2, 7)
print(head(bad).shape)  # BUG  # E: Dense(8 => 3) expects input Tensor[..., 8], got Tensor[2, 7]; need size 8 at axis -1 (got 7)  [shape]
