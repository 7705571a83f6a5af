"""Layers and models built inside a construction's arguments: positional, keyword, starred from
a list, a conditional expression, nested two deep; the wrapper reads the base's weight shape."""
from typing import Optional

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class LoRA:
    def __init__(self, base: Dense, r: int, scale: Optional[float] = None) -> None:
        self.base = base
        out_f, in_f = base.weight.shape
        self.a = tf.randn(r, in_f) * 0.01
        self.b = tf.zeros(out_f, r)
        self.scale = scale or 1.0 / r

    def __call__(self, x: Tensor) -> Tensor:
        return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale


class Residual:
    def __init__(self, inner: LoRA) -> None:
        self.inner = inner

    def __call__(self, x: Tensor) -> Tensor:
        return x + self.inner(x)


wide = True
m1 = LoRA(Dense(8, 16), 4)
m2 = LoRA(base=Dense(16, 8, relu), r=2, scale=0.5)
args = (Dense(8, 8), 1)
m3 = LoRA(*args)
m4 = LoRA(Dense(8, 12) if wide else Dense(8, 4), 2)
m5 = Residual(LoRA(Dense(8, 8), 3))
print(m2(m1(tf.randn(2, 8))).shape, m3(tf.randn(2, 8)).shape, m4(tf.randn(2, 8)).shape)
print(Chain(m5, Residual(LoRA(Dense(8, 8), 1)), LoRA(Dense(8, 3), 1))(tf.randn(2, 8)).shape)
