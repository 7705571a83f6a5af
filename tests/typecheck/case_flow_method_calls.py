"""Methods other than ``__call__``: ``model.encode(x)``, ``layer.step(x)``.

A user method with bare ``Tensor`` parameters and result and a straight-line body, called
with known shapes, runs as a bare ``__call__`` does: on what the instance's construction
built (``AutoEncoder(64, 8)``: ``self.enc`` is ``Dense[64, 8]``), so the call is typed by
the body and a mismatch in it is reported at the call. A body may write the instance
(``self.k_cache = tf.cat(self.k_cache, k, axis=2)``) and read it back. Such state is known
only at the instance's first use: a cache the construction left as ``Tensor[1, 4, 0, 16]``
meets the step's keys there, when nothing touched the instance in between (a ``reset``
first, and nothing is claimed) and nothing else can reach it: an ``__init__`` that registers
the instance (``ALL_CACHES.append(self)``, ``HOOKS.append(self.reset)``) lets a registry
reset it before the first call, so nothing is claimed there either. Each with its fix, concrete and symbolic; the same lines
fail at run time with the same words.
"""

from typing import Callable, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class AutoEncoder:
    def __init__(self, d: int, latent: int) -> None:
        self.enc = Dense(d, latent, relu)
        self.dec = Dense(latent, d)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.enc(x)

    def decode(self, z: tf.Tensor) -> tf.Tensor:
        return self.dec(z)


ae = AutoEncoder(64, 8)
ae.encode(tf.randn(4, 32))  # E: Dense(64 => 8, relu) expects input Tensor[..., 64], got Tensor[4, 32]; need size 64 at axis -1 (got 32)  [shape]
z = ae.encode(tf.randn(4, 64))
Dense(16, 2)(z)  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[4, 8]; need size 16 at axis -1 (got 8)  [shape]
Dense(8, 2)(ae.decode(z))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[4, 64]; need size 8 at axis -1 (got 64)  [shape]
Dense(64, 2)(ae.decode(z))


class CachedAttention:
    def __init__(self, d: int, heads: int, cache_width: int) -> None:
        self.kv = Dense(d, 2 * d)
        self.h, self.hd = heads, d // heads
        self.k_cache = tf.zeros(1, heads, 0, cache_width)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k_cache = tf.cat(self.k_cache, k, axis=2)
        return self.k_cache

    def reset(self, width: int) -> None:
        self.k_cache = tf.zeros(1, self.h, 0, width)


wrong = CachedAttention(48, 4, 16)
for _ in range(3):
    wrong.step(tf.randn(1, 1, 48))  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 0, 16], xs[1] has Tensor[1, 4, 1, 12]; need equal sizes except at axis 2 (16 vs 12 at axis 3)  [shape]
layer = CachedAttention(48, 4, 12)
for _ in range(3):
    layer.step(tf.randn(1, 1, 48))
reset_first = CachedAttention(48, 4, 16)
reset_first.reset(12)
for _ in range(3):
    reset_first.step(tf.randn(1, 1, 48))



class RegisteredCache:
    def __init__(self, d: int, heads: int, cache_width: int) -> None:
        self.kv = Dense(d, 2 * d)
        self.h, self.hd = heads, d // heads
        self.k_cache = tf.zeros(1, heads, 0, cache_width)
        ALL_CACHES.append(self)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k_cache = tf.cat(self.k_cache, k, axis=2)
        return self.k_cache

    def reset(self, width: int) -> None:
        self.k_cache = tf.zeros(1, self.h, 0, width)


class HookedCache:
    def __init__(self, d: int, heads: int, cache_width: int) -> None:
        self.kv = Dense(d, 2 * d)
        self.h, self.hd = heads, d // heads
        self.k_cache = tf.zeros(1, heads, 0, cache_width)
        HOOKS.append(self.reset)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        k, v = tf.chunk(self.kv(x), 2, axis=-1)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k_cache = tf.cat(self.k_cache, k, axis=2)
        return self.k_cache

    def reset(self, width: int) -> None:
        self.k_cache = tf.zeros(1, self.h, 0, width)


ALL_CACHES: List[RegisteredCache] = []
HOOKS: List[Callable[[int], None]] = []


def reset_all(width: int) -> None:
    for cache in ALL_CACHES:
        cache.reset(width)
    for hook in HOOKS:
        hook(width)


registered = RegisteredCache(48, 4, 16)
hooked = HookedCache(48, 4, 16)
reset_all(12)
registered.step(tf.randn(1, 1, 48))
hooked.step(tf.randn(1, 1, 48))


@tf.shapecheck
def encode(x: Tensor[B, 32]) -> Tensor:
    return ae.encode(x)  # E: Dense(64 => 8, relu) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


@tf.shapecheck
def encode_fixed(x: Tensor[B, 64]) -> Tensor[B, 8]:
    return ae.encode(x)


@tf.shapecheck
def prefill(x: Tensor[1, T, 48]) -> Tensor:
    cache = CachedAttention(48, 4, 16)
    return cache.step(x)  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 0, 16], xs[1] has Tensor[1, 4, T, 12]; need equal sizes except at axis 2 (16 vs 12 at axis 3)  [shape]


@tf.shapecheck
def prefill_fixed(x: Tensor[1, T, 48]) -> Tensor:
    cache = CachedAttention(48, 4, 12)
    return cache.step(x)


encode_fixed(tf.randn(3, 64))
prefill_fixed(tf.randn(1, 5, 48))
encode(tf.randn(3, 32))
prefill(tf.randn(1, 5, 48))
