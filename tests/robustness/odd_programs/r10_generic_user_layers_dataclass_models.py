"""Generic user layers, forward methods, classmethod constructors, dataclass models."""
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

N = TypeVar("N", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
B = TypeVar("B", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, w: Tensor[O, I]) -> None:
        self.w = w

    def __call__(self, x: Tensor[N, I]) -> Tensor[N, O]:
        return x @ self.w.T


lin = Linear(tf.randn(4, 8))
print(lin(tf.randn(3, 8)).shape)
print(Dense(4, 2)(lin(tf.randn(3, 8))).shape)


class Model:
    def __init__(self, d: int, out: int) -> None:
        self.fc = Dense(d, out, relu)

    @classmethod
    def small(cls) -> "Model":
        return cls(8, 4)

    @staticmethod
    def big() -> "Model":
        return Model(8, 16)

    def forward(self, x: Tensor[B, 8]) -> tf.Tensor:
        return self.fc(x)

    def __call__(self, x: Tensor[B, 8]) -> tf.Tensor:
        return self.forward(x)


print(Model.small()(tf.randn(2, 8)).shape, Model.big()(tf.randn(2, 8)).shape)
print(Dense(16, 1)(Model.big()(tf.randn(2, 8))).shape)


@dataclass
class AE:
    enc: Dense
    dec: Dense

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.dec(relu(self.enc(x)))


ae = AE(Dense(6, 2), Dense(2, 6))
print(ae(tf.randn(3, 6)).shape)
ae2 = AE(enc=Dense(10, 3), dec=Dense(3, 10))
print(ae2(tf.randn(3, 10)).shape)


class HasLayer(Protocol):
    def __call__(self, x: tf.Tensor) -> tf.Tensor: ...


def apply_twice(f: HasLayer, x: tf.Tensor) -> tf.Tensor:
    return f(f(x))


print(apply_twice(Dense(4, 4), tf.randn(1, 4)).shape, apply_twice(ae, tf.randn(1, 6)).shape)


class Head:
    proj: Dense
    norm: tf.LayerNorm

    def __init__(self, d: int) -> None:
        self.proj = Dense(d, d)
        self.norm = tf.LayerNorm(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.proj(x))


print(Head(5)(tf.randn(2, 5)).shape, Head(7)(tf.randn(2, 7)).shape)
