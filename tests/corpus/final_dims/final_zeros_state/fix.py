"""An initial hidden state is created from Final sizes with the dims in the wrong order."""
from typing import Final

import typedflux as tf
from typedflux import Dense, tanh

BATCH: Final = 4
HIDDEN: Final = 16
FEATURES: Final = 8

cell = Dense(FEATURES + HIDDEN, HIDDEN, tanh)
h = tf.zeros(BATCH, HIDDEN)
x = tf.randn(BATCH, FEATURES)
h = cell(tf.cat(x, h))
print(h.shape)
