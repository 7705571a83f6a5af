"""nanoGPT-style numpy-built buffers in __init__ changed after construction: a method
crops the block size (crop_block_size), another rebinds the mask for a new length, and a
module-level write replaces the buffer; __call__ then uses the changed buffer at run time."""
from __future__ import annotations
import numpy as np
import typedflux as tf
from typedflux import Dense, Tensor


class Attn:
    def __init__(self, block_size: int, d: int) -> None:
        self.bias = tf.tensor(np.tril(np.ones((block_size, block_size))))
        self.pos = tf.tensor(np.arange(block_size * d).reshape(block_size, d).astype(np.float32))
        self.proj = Dense(d, d)

    def crop_block_size(self, n: int) -> None:
        self.bias = self.bias[:n, :n]
        self.pos = self.pos[:n]

    def __call__(self, x: Tensor) -> Tensor:
        t = x.shape[1]
        att = x @ x.transpose(0, 2, 1)
        att = tf.where(self.bias[:t, :t] > 0, att, -1e9)
        return self.proj(tf.softmax(att, axis=-1) @ x + self.pos[:t])


class Masked:
    def __init__(self, n: int) -> None:
        self.mask = tf.tensor(np.tril(np.ones((n, n))))

    def resize(self, n: int) -> None:
        self.mask = tf.tensor(np.tril(np.ones((n, n))))

    def __call__(self, scores: Tensor) -> Tensor:
        return scores * self.mask


a = Attn(8, 4)
a.crop_block_size(5)
print(a(tf.zeros(2, 5, 4)).shape)
m = Masked(4)
m.resize(6)
print(m(tf.zeros(2, 6, 6)).shape)
m2 = Masked(3)
m2.mask = tf.tensor(np.ones((7, 7)))
print(m2(tf.zeros(7, 7)).shape)
