"""Generic model classes: Chain attribute, layer arguments, typed attributes, nested generics."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class FF(Generic[D]):
    def __init__(self, d: D) -> None:
        self.mlp = Chain(Dense(d, 4 * d, gelu), Dense(4 * d, d))
        self.norm = LayerNorm(d)

    def __call__(self, x: Tensor[B, T, D]) -> Tensor[B, T, D]:
        return x + self.mlp(self.norm(x))


class Wrap(Generic[I, O]):
    def __init__(self, inner: Dense[I, O]) -> None:
        self.inner = inner

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return self.inner(x)


class Lin(Generic[I, O]):
    def __init__(self, i: I, o: O) -> None:
        self.w: Tensor[O, I] = tf.randn(o, i)
        self.b: Tensor[O] = tf.zeros(o)

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.w.T + self.b


class Twice(Generic[D]):
    def __init__(self, d: D) -> None:
        self.a = FF(d)
        self.b = FF(d)

    def __call__(self, x: Tensor[B, T, D]) -> Tensor[B, T, D]:
        return self.b(self.a(x))


print(FF(8)(tf.randn(2, 3, 8)).shape, Wrap(Dense(4, 6))(tf.randn(2, 4)).shape)
print(Lin(4, 3)(tf.randn(2, 4)).shape, Twice(8)(tf.randn(2, 3, 8)).shape)
