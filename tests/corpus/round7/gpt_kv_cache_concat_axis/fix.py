"""A GPT decoding step with a KV cache: the new key was appended on the feature axis instead
of the time axis."""
from typing import Final, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
P = TypeVar("P", bound=int)
D: Final = 32
NH: Final = 4
HD: Final = 8
qkv = Dense(D, 3 * D, bias=False)


def decode_step(x: Tensor[B, 1, D], k_cache: Tensor[B, NH, P, HD],
                v_cache: Tensor[B, NH, P, HD]) -> Tuple[Tensor[B, 1, D], Tensor[B, NH, "P+1", HD]]:
    q, k, v = tf.split(qkv(x), (D, D, D))
    qh = tf.rearrange(q, "b t (h d) -> b h t d", h=NH)
    kh = tf.rearrange(k, "b t (h d) -> b h t d", h=NH)
    vh = tf.rearrange(v, "b t (h d) -> b h t d", h=NH)
    keys = tf.concat([k_cache, kh], axis=2)
    values = tf.concat([v_cache, vh], axis=2)
    weights = tf.softmax(qh @ keys.swapaxes(-1, -2) * HD**-0.5, axis=-1)
    out = tf.rearrange(weights @ values, "b h t d -> b t (h d)")
    return out, keys


y, cache = decode_step(tf.randn(2, 1, D), tf.randn(2, NH, 5, HD), tf.randn(2, NH, 5, HD))
print(y.shape, cache.shape)
