"""Sizes kept in a class of `Final` constants, used in annotations and layers: the projection
back from the heads was built with the feed-forward width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Cfg:
    N_EMBD: Final = 48
    N_HEAD: Final = 6
    FF: Final = 192


qkv = Dense(Cfg.N_EMBD, 3 * Cfg.N_EMBD)
out_proj = Dense(Cfg.FF, Cfg.N_EMBD)


def attention(x: Tensor[B, T, Cfg.N_EMBD]) -> Tensor[B, T, Cfg.N_EMBD]:
    q, k, v = tf.chunk(qkv(x), 3)
    q = tf.rearrange(q, "b t (h d) -> b h t d", h=Cfg.N_HEAD)
    k = tf.rearrange(k, "b t (h d) -> b h t d", h=Cfg.N_HEAD)
    v = tf.rearrange(v, "b t (h d) -> b h t d", h=Cfg.N_HEAD)
    att = tf.softmax(q @ k.swapaxes(-1, -2), axis=-1)
    y = tf.rearrange(att @ v, "b h t d -> b t (h d)")
    return out_proj(y)  # BUG  # E: Dense(192 => 48) expects input Tensor[..., 192], got Tensor[B, T, 48]; need size 192 at axis -1 (got 48)  [shape]


print(attention(tf.randn(2, 5, 48)).shape)
