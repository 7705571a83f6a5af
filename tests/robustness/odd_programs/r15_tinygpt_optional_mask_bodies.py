"""Bodies with Optional branches that rebind, asserts on shapes, keyword calls of user layers,
enumerate/zip over layers, residual stacks."""
from typing import List, Optional, Tuple, TypeVar, Final

import numpy as np
import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D: Final = 24
VOCAB: Final = 30
CTX: Final = 8


class Block:
    def __init__(self, d: int, heads: int) -> None:
        self.ln1 = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)
        self.ln2 = LayerNorm(d)
        self.ff = [Dense(d, 4 * d, gelu), Dense(4 * d, d)]
        self.drop = Dropout(0.1)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        if mask is None:
            t = x.shape[1]
            mask = tf.tril(tf.ones(t, t)) > 0
        h = self.ln1(x)
        x = x + self.drop(self.attn(h, h, h, mask=mask))
        h = self.ln2(x)
        for layer in self.ff:
            h = layer(h)
        return x + h


class TinyGPT:
    def __init__(self) -> None:
        self.tok = Embedding(VOCAB, D)
        self.pos = Embedding(CTX, D)
        self.blocks = [Block(D, 4) for _ in range(2)]
        self.ln_f = LayerNorm(D)
        self.head = Dense(D, VOCAB)

    def __call__(self, idx: tf.Tensor, *, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        if idx.ndim == 1:
            idx = idx.reshape(1, -1)
        b, t = idx.shape
        assert t <= CTX
        x = self.tok(idx) + self.pos(tf.arange(t))
        for i, blk in enumerate(self.blocks):
            x = blk(x, mask=mask) if i % 2 == 0 else blk(x)
        return self.head(self.ln_f(x))

    def sample(self, idx: tf.Tensor, n: int, k: int = 5) -> tf.Tensor:
        for _ in range(n):
            logits = self(idx[:, -CTX:])[:, -1, :]
            kth = tf.tensor(np.sort(logits.numpy(), axis=-1)[:, -k]).reshape(-1, 1)
            logits = tf.where(logits < kth, -1e9, logits)
            nxt = tf.argmax(logits, axis=-1, keepdims=True)
            idx = tf.cat(idx, nxt, axis=1)
        return idx


def residual_stack(x: Tensor[B, T, D], layers: List[Dense[24, 24]]) -> Tensor[B, T, D]:
    for layer in layers:
        x = x + layer(x)
    return x


def zip_heads(xs: List[Tensor[B, D]], ws: List[Dense[24, 8]]) -> Tensor[B, int]:
    return tf.cat(*[w(x) for x, w in zip(xs, ws)], axis=1)


model = TinyGPT()
data = np.random.default_rng(0).integers(0, VOCAB, size=(100,))
batch = tf.tensor(np.stack([data[i:i + CTX] for i in (0, 10, 20)]))
print(model(batch).shape)
print(model(batch[:, :5], mask=tf.tril(tf.ones(5, 5)) > 0).shape)
print(model(tf.tensor(data[:6])).shape)
print(model.sample(batch[:, :3], 10).shape)
print(residual_stack(tf.randn(2, 3, D), [Dense(D, D) for _ in range(3)]).shape)
print(zip_heads([tf.randn(2, D)] * 3, [Dense(D, 8) for _ in range(3)]).shape)
