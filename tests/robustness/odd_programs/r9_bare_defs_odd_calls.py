"""Plain defs with bare-Tensor annotations called in odd ways: keywords, defaults, an early
return, a recursive halving, a tuple result, star arguments, one def called with several
shapes (each call is its own)."""
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Dense, Tensor, relu

proj = Dense(8, 4)


def encode(x: Tensor, scale: float = 1.0) -> Tensor:
    return proj(x) * scale


def maybe(x: Tensor, skip: bool = False) -> Tensor:
    if skip:
        return x
    return relu(x)


def halve(x: Tensor) -> Tensor:
    if x.shape[-1] <= 2:
        return x
    return halve(x[..., : x.shape[-1] // 2])


def both(x: Tensor) -> Tuple[Tensor, Tensor]:
    return x, x * 2


def total(*xs: Tensor) -> Tensor:
    out = xs[0]
    for x in xs[1:]:
        out = out + x
    return out


def first_or(x: Optional[Tensor], fallback: Tensor) -> Tensor:
    return fallback if x is None else x


a = encode(tf.randn(3, 8))
b = encode(x=tf.randn(5, 8), scale=0.5)
c = encode(*(tf.randn(2, 8),))
d = maybe(tf.randn(3, 4), skip=True)
e = maybe(tf.randn(7))
f = halve(tf.randn(2, 16))
g, h = both(tf.randn(4))
i = total(tf.randn(2, 3), tf.randn(2, 3), tf.ones(2, 3))
j = first_or(None, tf.zeros(6))
k = first_or(tf.ones(2, 2), tf.zeros(2, 2))
print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, g.shape, h.shape, i.shape, j.shape, k.shape)
