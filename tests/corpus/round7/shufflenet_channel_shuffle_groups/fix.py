"""ShuffleNet's channel shuffle reshapes the channels into groups; three groups do not
divide sixteen channels."""
from typing import Final

import typedflux as tf

C: Final = 16
G: Final = 4
x = tf.randn(2, C, 5, 5)
shuffled = x.reshape(2, G, C // G, 5, 5).swapaxes(1, 2).reshape(2, C, 5, 5)
print(shuffled.shape)
