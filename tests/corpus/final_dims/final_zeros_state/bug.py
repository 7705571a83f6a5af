"""An initial hidden state is created from Final sizes with the dims in the wrong order."""
from typing import Final

import typedflux as tf
from typedflux import Dense, tanh

BATCH: Final = 4
HIDDEN: Final = 16
FEATURES: Final = 8

cell = Dense(FEATURES + HIDDEN, HIDDEN, tanh)
h = tf.zeros(HIDDEN, BATCH)
x = tf.randn(BATCH, FEATURES)
h = cell(tf.cat(x, h))  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[4, 8], xs[1] has Tensor[16, 4]; need equal sizes except at axis 1 (4 vs 16 at axis 0)  [shape]
print(h.shape)
