"""Optional caches: None first, a tensor later, rebound in a loop that grows them, checked
with isinstance and with `is None`, and a cache kept in a dict."""
from typing import Dict, Optional

import typedflux as tf
from typedflux import Dense, Tensor

proj = Dense(8, 8)


def step(x: Tensor, cache: Optional[Tensor] = None) -> Tensor:
    k = proj(x)
    if cache is None:
        return k
    return tf.cat(cache, k, axis=1)


cache: Optional[Tensor] = None
for t in range(4):
    cache = step(tf.randn(2, 1, 8), cache)
assert cache is not None
store: Dict[str, Optional[Tensor]] = {"k": None}
for t in range(3):
    old = store["k"]
    new = proj(tf.randn(2, 1, 8))
    store["k"] = new if not isinstance(old, tf.Tensor) else tf.cat(old, new, axis=1)
print(cache.shape, store["k"].shape if store["k"] is not None else None)
