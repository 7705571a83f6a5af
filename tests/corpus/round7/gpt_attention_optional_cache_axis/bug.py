"""A GPT attention class whose `__call__` takes an optional KV cache: the cached keys were
joined on the head-dim axis."""
from typing import Final, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
P = TypeVar("P", bound=int)
D: Final = 32
NH: Final = 4
HD: Final = 8


class Attention:
    def __init__(self) -> None:
        self.qkv = Dense(D, 3 * D, bias=False)
        self.proj = Dense(D, D)

    def __call__(self, x: Tensor[B, T, D],
                 cache: Optional[Tuple[Tensor[B, NH, P, HD], Tensor[B, NH, P, HD]]] = None
                 ) -> Tensor[B, T, D]:
        q, k, v = tf.split(self.qkv(x), (D, D, D))
        qh = tf.rearrange(q, "b t (h d) -> b h t d", h=NH)
        kh = tf.rearrange(k, "b t (h d) -> b h t d", h=NH)
        vh = tf.rearrange(v, "b t (h d) -> b h t d", h=NH)
        if cache is not None:
            kh = tf.concat([cache[0], kh], axis=-1)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[B, 4, P, 8], xs[1] has Tensor[B, 4, T, 8]; need equal sizes except at axis 3 (P vs T at axis 2)  [shape]
            vh = tf.concat([cache[1], vh], axis=2)
        w = tf.softmax(qh @ kh.swapaxes(-1, -2) * HD**-0.5, axis=-1)
        return self.proj(tf.rearrange(w @ vh, "b h t d -> b t (h d)"))


att = Attention()
past = (tf.randn(2, NH, 3, HD), tf.randn(2, NH, 3, HD))
print(att(tf.randn(2, 1, D), past).shape)
