"""A model passed around as Any stays unchecked; a concrete layer call after it is checked."""
from typing import Any

import typedflux as tf
from typedflux import Chain, Dense, relu


def build() -> Any:
    return Chain(Dense(6, 12, relu), Dense(12, 6))


model = build()
h = model(tf.randn(3, 6))
out = Dense(6, 2)(tf.randn(3, 6))
print(h.shape, out.shape)
