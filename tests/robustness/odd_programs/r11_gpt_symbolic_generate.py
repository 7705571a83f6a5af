"""A GPT with symbolic annotations and a generate() whose context grows then is cropped."""
import math
from typing import Final, Optional, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
VOCAB: Final = 50
CTX: Final = 8
D: Final = 32
HEADS: Final = 4


class Block:
    def __init__(self) -> None:
        self.ln1 = LayerNorm(D)
        self.attn = MultiHeadAttention(D, HEADS)
        self.ln2 = LayerNorm(D)
        self.fc = Dense(D, 4 * D, gelu)
        self.proj = Dense(4 * D, D)

    def __call__(self, x: Tensor[B, T, D], mask: Tensor[T, T]) -> Tensor[B, T, D]:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, mask=mask)
        return x + self.proj(self.fc(self.ln2(x)))


class GPT:
    def __init__(self, n_layer: int = 2) -> None:
        self.tok = Embedding(VOCAB, D)
        self.pos = Embedding(CTX, D)
        self.blocks = [Block() for _ in range(n_layer)]
        self.ln_f = LayerNorm(D)
        self.head = Dense(D, VOCAB, bias=False)

    def __call__(self, idx: Tensor[B, T]) -> Tensor[B, T, VOCAB]:
        t = idx.shape[1]
        x = self.tok(idx) + self.pos(tf.arange(t).reshape(1, t))
        mask = tf.tril(tf.ones(t, t)) > 0
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(self.ln_f(x))

    def generate(self, idx: Tensor[B, T], steps: int, temperature: float = 1.0) -> tf.Tensor:
        out: tf.Tensor = idx
        for _ in range(steps):
            cond = out[:, -CTX:]
            logits = self(cond)[:, -1, :] / temperature
            probs = tf.softmax(logits, axis=-1)
            nxt = tf.argmax(probs, axis=-1, keepdims=True)
            out = tf.concat([out, nxt], axis=1)
        return out

    def generate2(self, idx: Tensor[B, T], steps: int) -> tf.Tensor:
        for _ in range(steps):
            logits = self(idx[:, -CTX:])
            nxt = tf.argmax(logits[:, -1], axis=-1).reshape(-1, 1)
            idx = tf.concat([idx, nxt], axis=1)
        return idx


def loss(model: GPT, x: Tensor[B, T], y: Tensor[B, T]) -> Tensor[()]:
    logits = model(x)
    b, t, v = logits.shape
    return tf.losses.logitcrossentropy(logits.reshape(b * t, v), tf.onehot(y.reshape(b * t), VOCAB))


model = GPT()
data = np.random.default_rng(0).integers(0, VOCAB, 500)
opt = tf.setup(tf.Adam(1e-3), model)
for step in range(2):
    i = np.random.default_rng(step).integers(0, 400, 4)
    xb = tf.tensor(np.stack([data[j:j + CTX] for j in i]))
    yb = tf.tensor(np.stack([data[j + 1:j + 1 + CTX] for j in i]))
    l, (g,) = tf.withgradient(lambda m: loss(m, xb, yb), model)
    opt, model = tf.update(opt, model, g)
    print(round(l.item(), 3))
start = tf.zeros(1, 1, dtype=tf.int64)
print(model.generate(start, 12).shape, model.generate2(start, 12).shape)
