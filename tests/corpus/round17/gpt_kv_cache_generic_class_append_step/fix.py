"""A GPT decoding step with its KV cache as a class generic over batch and cached length: each
step appends one key, Cache[B, N] -> Cache[B, N + 1], and the next query attends over every
cached key; the new key must come from the same 16-wide head as the cache."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 16]) -> None:
        self.keys = keys

    @tf.shapecheck
    def append(self, k: Tensor[B, 1, 16]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))


to_key = Dense(32, 16)
to_query = Dense(32, 16)
cache = Cache(tf.randn(2, 4, 16))
x = tf.randn(2, 1, 32)
cache2: Cache[2, 5] = cache.append(to_key(x))
scores = to_query(x) @ cache2.keys.swapaxes(-1, -2)
print(scores.shape)
