"""Pyre-style generic KV cache Cache(Generic[B, N]) grown one key per step in a decode loop
(cache = cache.append(k)), then the last query attends over every cached key; queries and keys
come from 16-wide projections."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, keys: Tensor[B, N, 16]) -> None:
        self.keys = keys

    def append(self, k: Tensor[B, 1, 16]) -> Cache[B, "N + 1"]:
        return Cache(tf.cat(self.keys, k, axis=1))


to_key = Dense(32, 16)
to_query = Dense(32, 16)
cache = Cache(tf.randn(2, 3, 16))
x = tf.randn(2, 1, 32)
for _ in range(3):
    x = tf.randn(2, 1, 32)
    cache = cache.append(to_key(x))
scores = to_query(x) @ cache.keys.swapaxes(-1, -2)
print(scores.shape)
