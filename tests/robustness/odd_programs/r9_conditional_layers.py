"""Layers chosen by conditions: bound in two branches at module level, by a conditional
expression, by `or` with a default, by a dict lookup with a default, and a layer rebound after
a first use."""
import os

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu

if os.environ.get("WIDE"):
    body = Dense(8, 32, relu)
    WIDTH = 32
else:
    body = Dense(8, 16, relu)
    WIDTH = 16
head = Dense(WIDTH, 2)
norm = LayerNorm(WIDTH) if WIDTH > 8 else None
custom = None
act = custom or relu
choices = {"relu": relu, "gelu": tf.gelu}
act2 = choices.get("swish", tf.identity)
x = tf.randn(3, 8)
h = body(x)
if norm is not None:
    h = norm(h)
y = head(act2(act(h)))
head = Dense(WIDTH, 5)
print(y.shape, head(h).shape, Chain(body, head)(x).shape)
