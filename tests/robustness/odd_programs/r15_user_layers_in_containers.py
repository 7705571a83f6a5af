"""User layers in Chains/SkipConnections/Parallels with every annotation style."""
from typing import Any, Generic, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)
Bs = TypeVarTuple("Bs")


class RMSNorm(Generic[D]):
    def __init__(self, d: D) -> None:
        self.w = tf.ones(d)

    def __call__(self, x: Tensor[Unpack[Bs], D]) -> Tensor[Unpack[Bs], D]:
        return x / tf.sqrt((x * x).mean(axis=-1, keepdims=True) + 1e-6) * self.w


class Scale:
    def __call__(self, x: Tensor[B, int]) -> Tensor[B, int]:
        return x * 0.5


class Bare:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x[..., ::2]


class Fixed16:
    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x + 1


class Widen:
    def __init__(self, k: int) -> None:
        self.k = k

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.cat(*([x] * self.k), axis=-1)


class AnyIn:
    def __call__(self, x: Any) -> Any:
        return x


m = Chain(Dense(8, 16), RMSNorm(16), Scale(), Fixed16(), Bare(), Dense(8, 4), Widen(3), Dense(12, 2), AnyIn(), relu)
print(m(tf.ones(5, 8)).shape)
s = SkipConnection(Chain(RMSNorm(16), Dense(16, 16)), tf.add)
p = Parallel(tf.add, Fixed16(), RMSNorm(16), Scale())
print(Chain(Dense(4, 16), s, p, Bare(), Dense(8, 1))(tf.ones(3, 4)).shape)
seq = Chain(Dense(8, 16), RMSNorm(16))
print(seq(tf.ones(2, 3, 8)).shape)
