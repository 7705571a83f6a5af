"""Layers from keyword dicts: **kwargs forwarded to Dense, a Chain of named parts from a
dict's ** unpacking, a dict comprehension of layers, and settings merged from two dicts."""
from typing import Any, Dict

import typedflux as tf
from typedflux import Chain, Dense, relu


def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
    return Dense(cin, cout, **kwargs)


base: Dict[str, Any] = {"bias": False}
extra = {**base, "activation": relu}
l1 = dense(6, 12, **extra)
l2 = dense(12, 4, bias=True)
parts = {"enc": l1, "dec": l2}
model = Chain(**parts)
heads = {name: Dense(4, n) for name, n in (("a", 2), ("b", 3))}
x = tf.randn(5, 6)
h = model(x)
print(h.shape, {k: v(h).shape for k, v in heads.items()}, l1(x).shape)
