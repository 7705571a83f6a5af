"""Methods: subclasses overriding, classmethods/staticmethods building layers, __future__ annotations."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class Enc:
    def __init__(self, d: int, z: int) -> None:
        self.lin = Dense(d, z)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.lin(x)

    @classmethod
    def small(cls, d: int) -> Enc:
        return cls(d, 4)

    @staticmethod
    def block(d: int) -> Chain:
        return Chain(Dense(d, 2 * d, relu), Dense(2 * d, d))


class WideEnc(Enc):
    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return tf.cat(self.lin(x), self.lin(x), axis=-1)


class Model:
    def __init__(self) -> None:
        self.enc = Enc.small(16)
        self.blk = Enc.block(4)
        self.norm = LayerNorm(4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.blk(self.enc.encode(x)))

    def features(self, x: Tensor[B, 16]) -> Tensor[B, 4]:
        return self.enc.encode(x)


class Toggle:
    def __init__(self) -> None:
        self.proj = Dense(8, 8)
        self.wide = False

    def set_wide(self) -> None:
        self.proj = Dense(8, 16)
        self.wide = True

    def step(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


e: Enc = WideEnc(8, 3)
print(Dense(6, 1)(e.encode(tf.randn(2, 8))).shape)
w = WideEnc(8, 3)
print(Dense(6, 1)(w.encode(tf.randn(2, 8))).shape)
m = Model()
print(m(tf.randn(2, 16)).shape, Dense(4, 1)(m.features(tf.randn(3, 16))).shape)
t = Toggle()
t.set_wide()
print(Dense(16, 1)(t.step(tf.randn(2, 8))).shape)
t2 = Toggle()
y2 = t2.step(tf.randn(2, 8))
t2.set_wide()
y3 = t2.step(tf.randn(2, 8))
print(Dense(8, 1)(y2).shape, Dense(16, 1)(y3).shape)
toggles = [Toggle() for _ in range(2)]
for tg in toggles:
    tg.set_wide()
print(Dense(16, 1)(toggles[0].step(tf.randn(2, 8))).shape)
