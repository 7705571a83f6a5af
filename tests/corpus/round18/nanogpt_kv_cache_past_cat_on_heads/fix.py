"""A nanoGPT attention with a KV cache for generation: each call gets layer_past, a (k, v)
tuple of Tensor[B, nh, T_past, hs], concatenates the new keys and values on the time axis
(-2) and returns the present tuple for the next step; the query attends over every cached
position."""
from __future__ import annotations

import math
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Dense, Tensor


class CachedAttention:
    def __init__(self, n_embd: int, n_head: int) -> None:
        self.c_attn = Dense(n_embd, 3 * n_embd)
        self.c_proj = Dense(n_embd, n_embd)
        self.n_head = n_head
        self.n_embd = n_embd

    def __call__(
        self, x: Tensor, layer_past: Optional[Tuple[Tensor, Tensor]] = None
    ) -> Tuple[Tensor, Tuple[Tensor, Tensor]]:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), (self.n_embd, self.n_embd, self.n_embd), axis=2)
        q = q.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        k = k.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        v = v.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        if layer_past is not None:
            past_k, past_v = layer_past
            k = tf.cat(past_k, k, axis=-2)
            v = tf.cat(past_v, v, axis=-2)
        att = tf.softmax((q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(C // self.n_head)), axis=-1)
        y = (att @ v).swapaxes(1, 2).reshape(B, T, C)
        return self.c_proj(y), (k, v)


attn = CachedAttention(16, 4)
prompt = tf.randn(2, 5, 16)
y, present = attn(prompt)
step = tf.randn(2, 1, 16)
y2, present = attn(step, present)
print(y2.shape, present[0].shape)
