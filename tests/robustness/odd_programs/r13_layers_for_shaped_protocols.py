"""Layers passed where a Protocol or a Callable with shapes is expected."""
import functools
from typing import Callable, Protocol, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
B_co = TypeVar("B_co", bound=int, covariant=True)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 8]: ...


class Mine:
    def __init__(self) -> None:
        self.fc = Dense(16, 8)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 8]:
        return self.fc(x)

    def encode(self, x: Tensor[B, 16]) -> Tensor[B, 8]:
        return self.fc(x)


def run_p(enc: Encoder, x: Tensor[B, 16]) -> Tensor[B, 8]:
    return enc(x)


def run_c(enc: Callable[[Tensor[B, 16]], Tensor[B, 8]], x: Tensor[B, 16]) -> Tensor[B, 8]:
    return enc(x)


def run_any(enc: Callable[[tf.Tensor], tf.Tensor], x: tf.Tensor) -> tf.Tensor:
    return enc(x)


x = tf.randn(3, 16)
m = Mine()
outs = [
    run_p(Dense(16, 8), x), run_p(Chain(Dense(16, 32, relu), Dense(32, 8)), x), run_p(m, x),
    run_c(Dense(16, 8), x), run_c(m, x), run_c(m.encode, x), run_c(lambda t: Dense(16, 8)(t), x),
    run_any(functools.partial(tf.softmax, axis=-1), x)[:, :8], run_any(LayerNorm(16), x)[:, :8],
    run_c(Chain(LayerNorm(16), Dense(16, 8)), x),
]
print([o.shape for o in outs])
