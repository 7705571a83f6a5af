"""A GPT attention step with a KV cache typed by symbolic dims: the cache grows by one per step."""
import math
from typing import Final, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H: Final = 4
HD: Final = 8
D: Final = H * HD


class CachedAttention:
    def __init__(self) -> None:
        self.qkv = Dense(D, 3 * D)
        self.out = Dense(D, D)

    def step(self, x: Tensor[B, 1, D], k_cache: Tensor[B, H, T, HD], v_cache: Tensor[B, H, T, HD]
             ) -> Tuple[Tensor[B, 1, D], Tensor[B, H, "T+1", HD], Tensor[B, H, "T+1", HD]]:
        q, k, v = tf.split(self.qkv(x), (D, D, D))
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=H)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=H)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=H)
        k_all = tf.concat([k_cache, k], axis=2)
        v_all = tf.concat([v_cache, v], axis=2)
        att = tf.softmax(q @ k_all.swapaxes(-1, -2) / math.sqrt(HD), axis=-1)
        y = tf.rearrange(att @ v_all, "b h t d -> b t (h d)")
        return self.out(y), k_all, v_all


def generate(attn: CachedAttention, x0: Tensor[B, 1, D], steps: int) -> tf.Tensor:
    b = x0.shape[0]
    k: tf.Tensor = tf.zeros(b, H, 0, HD)
    v: tf.Tensor = tf.zeros(b, H, 0, HD)
    x: tf.Tensor = x0
    outs = []
    for _ in range(steps):
        x, k, v = attn.step(x, k, v)
        outs.append(x)
    return tf.concat(outs, axis=1)


attn = CachedAttention()
y1, k1, v1 = attn.step(tf.randn(2, 1, D), tf.zeros(2, H, 3, HD), tf.zeros(2, H, 3, HD))
print(y1.shape, k1.shape, generate(attn, tf.randn(2, 1, D), 5).shape)
