"""Tensors and layers bound in try/except/else/finally and with statements."""
import contextlib

import typedflux as tf
from typedflux import Dense

try:
    layer = Dense(4, 3)
except ValueError as err:
    layer = Dense(4, 3)
else:
    y = layer(tf.randn(2, 4))
finally:
    z = tf.zeros(1)
with contextlib.nullcontext(tf.randn(2, 4)) as t:
    print(layer(t).shape, y.shape, z.shape)
