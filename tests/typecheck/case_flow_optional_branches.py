"""A user layer's body branching on an ``Optional`` parameter: ``if past is not None:``.

Incremental decoding (GPT-2's KV cache) takes the cache as an ``Optional`` and extends it
when there is one. A call passing ``None`` runs the ``None`` branch, one passing a tensor (or a
tuple of them) the other, as at run time: the call is typed by that branch and a mismatch in
it is reported at the call. A call whose argument is typed ``Optional[...]`` runs both and
joins them: a dim the branches agree on stays, one that differs is unknown (never an error);
a mismatch inside a branch such a call may not take is not reported. A result that is a
tuple holding a tuple (``(out, (k, v))``) is typed item by item, so the cache the first call
returns is known to the second. Each with its fix, concrete and symbolic; the same lines fail
at run time with the same words.
"""

from typing import Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Cached:
    def __init__(self) -> None:
        self.fc = Dense(8, 4)

    def __call__(self, x: tf.Tensor, past: Optional[tf.Tensor]) -> tf.Tensor:
        y = self.fc(x)
        if past is not None:
            y = tf.cat(past, y, axis=0)
        return y


class Either:
    def __init__(self) -> None:
        self.fc = Dense(8, 4)
        self.head = Dense(4, 2)

    def __call__(self, x: tf.Tensor, past: Optional[tf.Tensor]) -> tf.Tensor:
        y = self.fc(x)
        if past is None:
            z = y
        else:
            z = tf.cat(past, y, axis=1)
        return self.head(z)


cached = Cached()
Dense(4, 2)(cached(tf.randn(2, 8), None))
Dense(2, 2)(cached(tf.randn(2, 8), None).T)
Dense(5, 2)(cached(tf.randn(2, 8), tf.randn(3, 4)).T)
Dense(2, 2)(cached(tf.randn(2, 8), tf.randn(3, 4)).T)  # E: Dense(2 => 2) expects input Tensor[..., 2], got Tensor[4, 5]; need size 2 at axis -1 (got 5)  [shape]
cached(tf.randn(2, 8), tf.randn(3, 5))  # E: Sizes differ for "cat": xs[0] has Tensor[3, 5], xs[1] has Tensor[2, 4]; need equal sizes except at axis 0 (5 vs 4 at axis 1)  [shape]
cached(tf.randn(2, 8), tf.randn(3, 4))

# An Optional argument: both branches, joined (rows 2 or 5: unknown; columns 4 on both).
maybe: Optional[Tensor[3, 4]] = None
maybe_wide: Optional[Tensor[3, 5]] = None
Dense(4, 2)(cached(tf.randn(2, 8), maybe))
Dense(7, 2)(cached(tf.randn(2, 8), maybe).T)
cached(tf.randn(2, 6), maybe)  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[2, 6]; need size 8 at axis -1 (got 6)  [shape]
cached(tf.randn(2, 8), maybe_wide)  # (that branch fails, but the call may pass None)

either = Either()
either(tf.randn(2, 8), None)
either(tf.randn(2, 8), tf.randn(2, 4))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 8]; need size 4 at axis -1 (got 8)  [shape]
either(tf.randn(2, 8), tf.randn(2, 0))
either(tf.randn(2, 8), maybe)  # (4 or 8 columns: unknown)

# A plain def reads its branches the same way.
rows = Dense(8, 4)


def extend_rows(x: tf.Tensor, past: Optional[tf.Tensor]) -> tf.Tensor:
    y = rows(x)
    if past is not None:
        y = tf.cat(past, y, axis=0)
    return y


Dense(4, 2)(extend_rows(tf.randn(2, 8), maybe))
Dense(4, 2)(extend_rows(tf.randn(2, 8), None))
Dense(5, 2)(extend_rows(tf.randn(2, 8), tf.randn(3, 4)).T)
extend_rows(tf.randn(2, 8), tf.randn(3, 5))  # E: Sizes differ for "cat": xs[0] has Tensor[3, 5], xs[1] has Tensor[2, 4]; need equal sizes except at axis 0 (5 vs 4 at axis 1)  [shape]
extend_rows(tf.randn(2, 8), maybe_wide)


class Attention:
    """GPT-2's attention with a KV cache of (batch, heads, steps, head_dim)."""

    def __init__(self, d: int, h: int) -> None:
        self.qkv = Dense(d, 3 * d)
        self.proj = Dense(d, d)
        self.h, self.hd = h, d // h

    def __call__(self, x: tf.Tensor, past: Optional[Tuple[tf.Tensor, tf.Tensor]]
                 ) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        b, t, d = x.shape
        q, k, v = tf.split(self.qkv(x), (d, d, d))
        q = q.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        if past is not None:
            k = tf.cat(past[0], k, axis=1)
            v = tf.cat(past[1], v, axis=1)
        att = tf.softmax(q @ k.swapaxes(-1, -2), axis=-1)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        return self.proj(y), (k, v)


class AttentionFixed:
    def __init__(self, d: int, h: int) -> None:
        self.qkv = Dense(d, 3 * d)
        self.proj = Dense(d, d)
        self.h, self.hd = h, d // h

    def __call__(self, x: tf.Tensor, past: Optional[Tuple[tf.Tensor, tf.Tensor]]
                 ) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        b, t, d = x.shape
        q, k, v = tf.split(self.qkv(x), (d, d, d))
        q = q.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        if past is not None:
            k = tf.cat(past[0], k, axis=2)
            v = tf.cat(past[1], v, axis=2)
        att = tf.softmax(q @ k.swapaxes(-1, -2), axis=-1)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        return self.proj(y), (k, v)


attn = Attention(32, 4)
out, cache = attn(tf.randn(1, 3, 32), None)
Dense(32, 2)(out)
Dense(3, 2)(cache[0])  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[1, 4, 3, 8]; need size 3 at axis -1 (got 8)  [shape]
attn(tf.randn(1, 1, 32), cache)  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 3, 8], xs[1] has Tensor[1, 4, 1, 8]; need equal sizes except at axis 1 (3 vs 1 at axis 2)  [shape]

attn_fixed = AttentionFixed(32, 4)
out_fixed, cache_fixed = attn_fixed(tf.randn(1, 3, 32), None)
out_next, cache_next = attn_fixed(tf.randn(1, 1, 32), cache_fixed)
Dense(32, 2)(out_next)
Dense(4, 2)(cache_next[0].swapaxes(-1, -2))
Dense(3, 2)(cache_next[0].swapaxes(-1, -2))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[1, 4, 8, 4]; need size 3 at axis -1 (got 4)  [shape]


@tf.shapecheck
def extend(x: Tensor[B, 8], past: Tensor[B, 4]) -> Tensor[B, 2]:
    Dense(4, 2)(cached(x, past))
    return Dense(5, 2)(cached(x, None))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[B, 4]; need size 5 at axis -1 (got 4)  [shape]


@tf.shapecheck
def extend_wide(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return cached(x, tf.randn(3, 5))  # E: Sizes differ for "cat": xs[0] has Tensor[3, 5], xs[1] has Tensor[B, 4]; need equal sizes except at axis 0 (5 vs 4 at axis 1)  [shape]


@tf.shapecheck
def extend_either(x: Tensor[B, 8], past: Tensor[B, 4]) -> Tensor[B, 2]:
    return either(x, past)  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]


@tf.shapecheck
def extend_fixed(x: Tensor[B, 8], past: Tensor[B, 0]) -> Tensor[B, 2]:
    Dense(4, 2)(cached(x, None))
    cached(x, tf.randn(3, 4))
    return either(x, past)


extend(tf.randn(2, 8), tf.randn(2, 4))
extend_wide(tf.randn(2, 8))
extend_either(tf.randn(2, 8), tf.randn(2, 4))
extend_fixed(tf.randn(2, 8), tf.randn(2, 0))
