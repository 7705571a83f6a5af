"""Every-input failures at call: correct models whose held layers do NOT chain directly."""
from typing import Optional

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu


class TwoHeads:
    """ln_f on x, head on a different tensor (the pooled one)."""
    def __init__(self) -> None:
        self.ln_f = LayerNorm(24)
        self.proj = Dense(24, 30)
        self.head = Dense(30, 30)

    def __call__(self, x):
        h = self.ln_f(x)
        z = self.proj(h)
        return self.head(z)


class Reshaped:
    def __init__(self) -> None:
        self.ln = LayerNorm(24)
        self.head = Dense(48, 5)

    def __call__(self, x):
        h = self.ln(x)
        b, t, d = h.shape
        h = h.reshape(b, t // 2, 2 * d)
        return self.head(h)


class Catted:
    def __init__(self) -> None:
        self.ln = LayerNorm(16)
        self.head = Dense(32, 4)

    def __call__(self, x):
        h = self.ln(x)
        return self.head(tf.cat(h, x, axis=-1))


class Transposed:
    def __init__(self) -> None:
        self.ln = LayerNorm(8)
        self.mix = Dense(6, 6)

    def __call__(self, x):
        h = self.ln(x)
        return self.mix(h.transpose(0, 2, 1))


class SideInput:
    def __init__(self) -> None:
        self.a = LayerNorm(10)
        self.b = Dense(7, 3)

    def __call__(self, x, y):
        h = self.a(x)
        return self.b(y) + h.sum(axis=-1, keepdims=True)


class Reused:
    """The same held layer applied twice, with a sum between."""
    def __init__(self) -> None:
        self.ln = LayerNorm(12)
        self.up = Dense(12, 24)
        self.down = Dense(24, 12)

    def __call__(self, x):
        for _ in range(2):
            x = self.ln(x + self.down(relu(self.up(x))))
        return x


class Unsqueezed:
    def __init__(self) -> None:
        self.ln = LayerNorm(5)
        self.d = Dense(1, 3)

    def __call__(self, x):
        h = self.ln(x)
        return self.d(h[..., None])


def load() -> Tensor:
    return tf.tensor(np.random.default_rng(0).standard_normal((2, 6, 24)).astype(np.float32))


def load2(shape) -> Tensor:
    return tf.tensor(np.random.default_rng(0).standard_normal(shape).astype(np.float32))


print(TwoHeads()(load()).shape)
print(Reshaped()(load()).shape)
print(Catted()(load2((3, 16))).shape)
print(Transposed()(load2((2, 6, 8))).shape)
print(SideInput()(load2((4, 10)), load2((4, 7))).shape)
print(Reused()(load2((3, 12))).shape)
print(Unsqueezed()(load2((2, 5))).shape)
