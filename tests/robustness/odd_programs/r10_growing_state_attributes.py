"""State held in attributes that grows or changes shape: a KV cache, a memory bank."""
from typing import Optional

import typedflux as tf
from typedflux import Dense


class KVCache:
    def __init__(self, d: int) -> None:
        self.k = tf.zeros(1, 0, d)
        self.v = tf.zeros(1, 0, d)

    def add(self, k: tf.Tensor, v: tf.Tensor) -> None:
        self.k = tf.cat(self.k, k, axis=1)
        self.v = tf.cat(self.v, v, axis=1)


class Attn:
    def __init__(self, d: int) -> None:
        self.qkv = Dense(d, 3 * d)
        self.cache = KVCache(d)
        self.d = d

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        self.cache.add(k, v)
        att = tf.softmax(q @ self.cache.k.transpose(0, 2, 1) / self.d ** 0.5, axis=-1)
        return att @ self.cache.v


a = Attn(8)
for t in range(3):
    y = a(tf.randn(1, 1, 8))
print(y.shape, a.cache.k.shape)


class Memory:
    def __init__(self) -> None:
        self.bank = tf.zeros(0, 4)
        self.last: Optional[tf.Tensor] = None

    def push(self, x: tf.Tensor) -> None:
        self.bank = tf.cat(self.bank, x, axis=0)
        self.last = x


mem = Memory()
mem.push(tf.randn(3, 4))
mem.push(tf.randn(2, 4))
mem.bank = mem.bank[-2:]
print(mem.bank.shape)


class Cell:
    def __init__(self) -> None:
        self.h = tf.zeros(1, 16)


class RNNish:
    def __init__(self) -> None:
        self.cell = Cell()
        self.fc = Dense(16, 16)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        self.cell.h = tf.tanh(self.fc(x) + self.cell.h)
        return self.cell.h


r = RNNish()
print(r.step(tf.randn(4, 16)).shape)
