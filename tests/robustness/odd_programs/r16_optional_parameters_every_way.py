"""Optional/None parameters in plain defs and methods the flow runs: every way to pass them."""
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor


def attend(q, k, v, mask=None, scale: Optional[float] = None):
    s = q @ k.transpose(0, 2, 1) * (scale if scale is not None else q.shape[-1] ** -0.5)
    if mask is not None:
        s = tf.where(mask, s, -1e9)
    return tf.softmax(s, axis=-1) @ v


def norm(x, eps: float = 1e-5, axis: int = -1):
    return (x - x.mean(axis=axis, keepdims=True)) / tf.sqrt(x.var(axis=axis, keepdims=True) + eps)


def proj(x, w: Optional[Tensor] = None, b: Optional[Tensor] = None):
    y = x if w is None else x @ w
    return y if b is None else y + b


class Dec:
    def __init__(self) -> None:
        self.attn = MultiHeadAttention(8, 2)
        self.ln = LayerNorm(8)

    def __call__(self, x, mem=None, mask=None, cache: Optional[Tuple[Tensor, Tensor]] = None):
        h = self.ln(x)
        ctx = h if mem is None else mem
        return x + self.attn(h, ctx, ctx, mask=mask)


q = tf.randn(2, 5, 4)
k = tf.randn(2, 7, 4)
m = tf.tril(tf.ones(5, 7)) > 0
print(attend(q, k, k).shape, attend(q, k, k, m).shape, attend(q, k, k, None, 0.5).shape, attend(q, k, k, mask=m, scale=None).shape)
print(norm(q).shape, norm(q, 1e-3).shape, norm(q, axis=1).shape, norm(q, eps=1e-6, axis=0).shape)
print(proj(q).shape, proj(q, tf.randn(4, 6)).shape, proj(q, None, tf.zeros(4)).shape, proj(q, b=tf.zeros(5, 1)).shape)
d = Dec()
x = tf.randn(2, 5, 8)
mem = tf.randn(2, 9, 8)
print(d(x).shape, d(x, mem).shape, d(x, None, tf.tril(tf.ones(5, 5)) > 0).shape, d(x, mem=mem, mask=tf.ones(5, 9) > 0).shape)
print(d(x, mem, None, None).shape)
