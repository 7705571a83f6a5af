"""nanoGPT's forward pieces in a body the flow runs: asserts, names as sizes, layers built inline.

nanoGPT's ``forward`` checks the sequence length first (``b, t = idx.size()``, then ``assert t
<= self.config.block_size``), its attention splits the fused projection by the width it read
(``q, k, v = tf.split(self.c_attn(x), (C, C, C), axis=2)`` after ``B, T, C = x.shape``) and
cuts its causal mask to the length (``self.bias[:, :, :T, :T]``); small helpers build a layer
where they call it (``return Embedding(50, 32)(idx)``). In a body run on known shapes (a bare
``__call__``, a plain def): an ``assert`` binds nothing and is stepped over (when its test is
a comparison of ints the body knows, it is decided, and one that fails leaves the call
unknown; when it is not known the run goes on: if it fails there, the call fails anyway);
sizes held in names are read in a tuple of sizes and as slice bounds; a layer constructed in
the body from values it does not compute runs by its rule; a loop over a list of blocks its
``__init__`` built from the construction's values (``self.h = [Block(config) for _ in
range(config.n_layer)]``) calls each block with what its own construction built. The call is typed by the body and
a mismatch in it is reported at the call. Each with its fix, concrete and symbolic; the same
lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor

B = TypeVar("B", bound=int)

mask = tf.tril(tf.ones(16, 16)).reshape(1, 1, 16, 16)


class Embed:
    def __init__(self, block_size: int) -> None:
        self.block_size = block_size
        self.wte = Embedding(50, 32)
        self.head = Dense(32, 50)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        b, t = idx.shape
        assert t <= self.block_size
        return self.head(self.wte(idx))


def embed(idx: tf.Tensor) -> tf.Tensor:
    assert idx.ndim == 2, "need (B, T)"
    return Embedding(50, 32)(idx)


def positive(idx: tf.Tensor) -> tf.Tensor:
    assert idx.sum() > 0  # (a test on the data: not known before run time)
    return Embedding(50, 32)(idx)


def rows(idx: tf.Tensor) -> tf.Tensor:
    b, t = idx.shape
    assert idx.sum() > 0
    return idx.reshape(b, 4, -1)


idx = tf.tensor([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]])
Dense(50, 2)(Embed(16)(idx))
Dense(32, 2)(Embed(16)(idx))  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[2, 6, 50]; need size 32 at axis -1 (got 50)  [shape]
Dense(32, 2)(embed(idx))
Dense(3, 2)(embed(idx))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 6, 32]; need size 3 at axis -1 (got 32)  [shape]
Dense(3, 2)(positive(idx))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 6, 32]; need size 3 at axis -1 (got 32)  [shape]
rows(idx)  # E: Cannot reshape for "reshape": x has Tensor[2, 6], target is (2, 4, -1); need the element count divisible by the other target sizes (12 vs 8)  [shape]


def too_long() -> None:
    Dense(3, 2)(Embed(4)(idx))  # (the assert fails first: t is 6)


class Attention:
    def __init__(self, d: int) -> None:
        self.c_attn = Dense(d, 3 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        q, k, v = tf.split(self.c_attn(x), (c, c, c), axis=2)
        att = (q @ k.swapaxes(-1, -2)).reshape(b, 1, t, t)
        return att * mask[:, :, :t, :t]


class AttentionWrong:
    def __init__(self, d: int) -> None:
        self.c_attn = Dense(d, 3 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        q, k, v = tf.split(self.c_attn(x), (c, c, c), axis=2)
        att = (q @ k.swapaxes(-1, -2)).reshape(b, 1, t, t)
        return att * mask[:, :, :t, :c]


Dense(6, 2)(Attention(32)(tf.randn(2, 6, 32)))
Dense(5, 2)(Attention(32)(tf.randn(2, 6, 32)))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[2, 1, 6, 6]; need size 5 at axis -1 (got 6)  [shape]
AttentionWrong(8)(tf.randn(2, 6, 8))  # E: Cannot broadcast for "mul": x has Tensor[2, 1, 6, 6], y has Tensor[1, 1, 6, 8]; need equal sizes or 1 at axis -1 (6 vs 8)  [shape]


@tf.shapecheck
def attend(x: Tensor[B, 6, 32]) -> Tensor[B, 1, 6, 6]:
    return Attention(32)(x)


@tf.shapecheck
def attend_wrong(x: Tensor[B, 6, 8]) -> Tensor[B, 1, 6, 6]:
    return AttentionWrong(8)(x)  # E: Cannot broadcast for "mul": x has Tensor[B, 1, 6, 6], y has Tensor[1, 1, 6, 8]; need equal sizes or 1 at axis -1 (6 vs 8)  [shape]


@tf.shapecheck
def embed_batch(idx: Tensor[B, 6]) -> Tensor[B, 6, 50]:
    return Embed(16)(idx)


@tf.shapecheck
def embed_batch_wrong(idx: Tensor[B, 6]) -> Tensor[B, 6, 32]:
    return Dense(32, 2)(Embed(16)(idx))  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[B, 6, 50]; need size 32 at axis -1 (got 50)  [shape]


class Block:
    def __init__(self, d: int, heads: int) -> None:
        self.ln = LayerNorm(d)
        self.attn = Heads(d, heads)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.attn(self.ln(x))


class Heads:
    def __init__(self, d: int, heads: int) -> None:
        self.heads = heads
        self.qkv = Dense(d, 3 * d)
        self.proj = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        q, k, v = tf.split(self.qkv(x), (c, c, c), axis=2)
        q = q.reshape(b, t, self.heads, c // self.heads).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.heads, c // self.heads).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.heads, c // self.heads).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ k.swapaxes(-1, -2), axis=-1)
        return self.proj((att @ v).transpose(0, 2, 1, 3).reshape(b, t, c))


class Stack:
    def __init__(self, d: int, heads: int, n: int) -> None:
        self.blocks = [Block(d, heads) for _ in range(n)]
        self.head = Dense(d, 50)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for block in self.blocks:
            x = block(x)
        return self.head(x)


class StackWrong:
    def __init__(self, d: int, heads: int, n: int) -> None:
        self.blocks = [Block(d, heads) for _ in range(n)]
        self.head = Dense(2 * d, 50)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for block in self.blocks:
            x = block(x)
        return self.head(x)


Dense(50, 2)(Stack(32, 4, 2)(tf.randn(2, 6, 32)))
Dense(3, 2)(Stack(32, 4, 2)(tf.randn(2, 6, 32)))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 6, 50]; need size 3 at axis -1 (got 50)  [shape]
StackWrong(32, 4, 2)(tf.randn(2, 6, 32))  # E: Dense(64 => 50) expects input Tensor[..., 64], got Tensor[2, 6, 32]; need size 64 at axis -1 (got 32)  [shape]


@tf.shapecheck
def stacked(x: Tensor[B, 6, 32]) -> Tensor[B, 6, 50]:
    return Stack(32, 4, 2)(x)


@tf.shapecheck
def stacked_wrong(x: Tensor[B, 6, 32]) -> Tensor[B, 6, 50]:
    return StackWrong(32, 4, 2)(x)  # E: Dense(64 => 50) expects input Tensor[..., 64], got Tensor[B, 6, 32]; need size 64 at axis -1 (got 32)  [shape]


stacked(tf.randn(2, 6, 32))
stacked_wrong(tf.randn(2, 6, 32))
attend(tf.randn(2, 6, 32))
attend_wrong(tf.randn(2, 6, 8))
embed_batch(tf.tensor([[1, 2, 3, 4, 5, 6]]))
embed_batch_wrong(tf.tensor([[1, 2, 3, 4, 5, 6]]))
