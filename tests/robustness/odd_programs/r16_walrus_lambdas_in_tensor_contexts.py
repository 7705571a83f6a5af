"""Walrus and lambda arguments inside calls whose type context is a Tensor (boundary_of's fallback)."""
from typing import Callable, List, Optional, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, Parallel, Tensor, relu

B = TypeVar("B", bound=int)


def head(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return x[:, :2]


def mapped(f: Callable[[Tensor[B, 8]], Tensor[B, 8]], x: Tensor[B, 8]) -> Tensor[B, 8]:
    return f(x)


x = tf.randn(3, 4)
a = head(h := Dense(4, 8)(x))
b: Tensor[3, 2] = head(g := relu(Dense(4, 8)(x)))
c: Tensor[3, 8] = mapped(lambda t: t * 2, h)
d: Tensor[3, 8] = mapped(lambda t: LayerNorm(8)(t), g)
e: Tensor[3, 8] = (z := Dense(4, 8)(x)) + (w := Dense(4, 8)(x))
f: Tensor[3, 16] = tf.cat(h, (k := g * 2), axis=1)
fc = Dense(8, 8)
fc.weight = (nw := tf.randn(8, 8))
net = Chain(Dense(4, 8), SkipConnection(Dense(8, 8), lambda mx, inp: mx + inp), relu)
q: Tensor[3, 8] = net(x)
p = Parallel(lambda u, v: tf.cat(u, v, axis=-1), Dense(4, 3), Dense(4, 5))
r: Tensor[3, 8] = p(x)
ls: List[Tensor[3, 8]] = [(m := Dense(4, 8)(x)), m * 2]
opt: Optional[Tensor[3, 8]] = (n := h) if h.shape[0] == 3 else None
bad_looking: Tensor[3, 8] = mapped(lambda t: (s := t + 1) * s, h)
print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, q.shape, r.shape, len(ls), k.shape, z.shape, w.shape, nw.shape, opt is None, bad_looking.shape)


def body(x: Tensor[B, 4]) -> Tensor[B, 2]:
    return head(y := Dense(4, 8)(x)) + head(y)


def body2(x: Tensor[B, 4]) -> Tensor[B, 8]:
    if (y := Dense(4, 8)(x)).shape[1] == 8:
        return y
    return mapped(lambda t: -t, y)


print(body(x).shape, body2(x).shape)
