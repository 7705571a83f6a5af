"""ShuffleNet's channel shuffle reshapes the channels into groups; three groups do not
divide sixteen channels."""
from typing import Final

import typedflux as tf

C: Final = 16
G: Final = 3
x = tf.randn(2, C, 5, 5)
shuffled = x.reshape(2, G, C // G, 5, 5).swapaxes(1, 2).reshape(2, C, 5, 5)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 16, 5, 5], target is (2, 3, 5, 5, 5); need equal element counts (800 vs 750)  [shape]
print(shuffled.shape)
