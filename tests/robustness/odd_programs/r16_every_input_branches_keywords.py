"""Every-input failure at call: bodies with branches / early returns / keyword calls that are fine."""
from typing import Optional

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor, gelu


def load(*shape: int) -> Tensor:
    return tf.tensor(np.random.default_rng(0).standard_normal(shape).astype(np.float32))


class Branchy:
    def __init__(self, pre_norm: bool) -> None:
        self.pre_norm = pre_norm
        self.ln = LayerNorm(24)
        self.proj = Dense(30, 24)
        self.head = Dense(24, 30)

    def __call__(self, x):
        if self.pre_norm:
            x = self.ln(x)
        else:
            x = self.ln(self.proj(x))
        return self.head(x)


class EarlyOut:
    def __init__(self) -> None:
        self.ln = LayerNorm(24)
        self.head = Dense(30, 30)
        self.pre = Dense(24, 30)

    def __call__(self, x, skip_head: bool = False):
        h = self.ln(x)
        if skip_head:
            return h
        return self.head(self.pre(h))


class Kw:
    def __init__(self) -> None:
        self.norm = LayerNorm(32)
        self.attn = MultiHeadAttention(32, 4)
        self.ff = Dense(32, 32, gelu)

    def __call__(self, x, mask: Optional[Tensor] = None):
        h = self.norm(x)
        h = x + self.attn(q=h, k=h, v=h, mask=mask)
        return h + self.ff(self.norm(h))


class KwSwapped:
    def __init__(self) -> None:
        self.attn = MultiHeadAttention(16, 2)

    def __call__(self, x, ctx):
        return self.attn(x, v=ctx, k=ctx)


class TryBody:
    def __init__(self) -> None:
        self.ln = LayerNorm(8)
        self.head = Dense(8, 2)

    def __call__(self, x):
        try:
            h = self.ln(x)
        except ValueError:
            h = x
        return self.head(h)


class Projected:
    def __init__(self, d: int) -> None:
        self.ln = LayerNorm(d)
        self.head = Dense(2 * d, 3)

    def __call__(self, x):
        h = self.ln(x)
        h = tf.cat(h, h, axis=-1)
        return self.head(h)


print(Branchy(True)(load(2, 24)).shape, Branchy(False)(load(2, 30)).shape)
print(EarlyOut()(load(2, 24)).shape, EarlyOut()(load(2, 24), skip_head=True).shape)
print(Kw()(load(2, 5, 32)).shape)
causal = tf.tril(tf.ones(5, 5)) > 0
print(Kw()(load(2, 5, 32), mask=causal).shape)
print(Kw()(load(2, 5, 32), causal).shape)
print(KwSwapped()(load(2, 3, 16), load(2, 7, 16)).shape)
print(TryBody()(load(4, 8)).shape)
print(Projected(6)(load(4, 6)).shape)
m = Projected(10)
print(m(load(1, 10)).shape)
