"""Range loops in methods, weight ties, generate-like methods: correct programs."""
from typing import List, Optional

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, relu


class Grow:
    """Each pass concatenates one column: for a known count the shape grows per pass."""
    def __init__(self) -> None:
        self.step = Dense(4, 1)

    def extend(self, x, n: int):
        for _ in range(n):
            x = tf.cat(x, self.step(x[:, -4:]), axis=1)
        return x


class Stacked:
    def __init__(self, widths: List[int]) -> None:
        self.layers = [Dense(a, b, relu) for a, b in zip(widths[:-1], widths[1:])]

    def __call__(self, x):
        for i in range(len(self.layers)):
            x = self.layers[i](x)
        return x


class TinyLM:
    def __init__(self, vocab: int, d: int, block: int) -> None:
        self.block = block
        self.wte = Embedding(vocab, d)
        self.ln = LayerNorm(d)
        self.head = Dense(d, vocab, bias=False)
        self.head.weight = self.wte.weight

    def __call__(self, idx):
        return self.head(self.ln(self.wte(idx)))

    def generate(self, idx, max_new: int):
        for _ in range(max_new):
            idx_cond = idx if idx.shape[1] <= self.block else idx[:, -self.block:]
            logits = self(idx_cond)
            nxt = tf.argmax(logits[:, -1, :], axis=-1, keepdims=True)
            idx = tf.cat(idx, nxt, axis=1)
        return idx


class AutoEnc:
    def __init__(self) -> None:
        self.enc = Dense(20, 6)
        self.dec = Dense(6, 20)
        self.dec.weight = self.enc.weight.T

    def __call__(self, x):
        return self.dec(relu(self.enc(x)))


class Halving:
    def __init__(self) -> None:
        self.mix = Dense(8, 8)

    def __call__(self, x, levels: int):
        outs = []
        for i in range(levels):
            x = self.mix(x)
            outs.append(x)
            x = x[:, ::2]
        return outs


class Windowed:
    def __init__(self) -> None:
        self.proj = Dense(3, 3)

    def __call__(self, x, k: int):
        total = tf.zeros(x.shape[0], 3)
        for i in range(k):
            total = total + self.proj(x[:, i, :])
        return total


g = Grow()
print(g.extend(tf.randn(2, 4), 3).shape)
print(g.extend(tf.randn(2, 4), 9).shape)
print(Stacked([5, 7, 9, 2])(tf.randn(3, 5)).shape)
lm = TinyLM(17, 8, 6)
print(lm.generate(tf.tensor(np.zeros((2, 3), dtype=np.int64)), 5).shape)
print(lm.generate(tf.tensor(np.zeros((2, 3), dtype=np.int64)), 2).shape)
print(AutoEnc()(tf.randn(4, 20)).shape)
print([o.shape for o in Halving()(tf.randn(2, 16, 8), 3)])
print(Windowed()(tf.randn(2, 5, 3), 5).shape)
print(Windowed()(tf.randn(2, 5, 3), 2).shape)
