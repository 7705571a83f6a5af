"""User layers deriving from typedflux's Module base, mixed with built-in layers in containers."""
from typing import Dict, List, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu
from typedflux.layers.core import Module

B = TypeVar("B", bound=int)


class Scale(Module):
    def __init__(self, d: int) -> None:
        self.g = tf.ones(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x * self.g


class Residual(Module):
    def __init__(self, inner: Module) -> None:
        self.inner = inner

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.inner(x)


class Typed(Module):
    def __init__(self) -> None:
        self.fc = Dense(8, 8)

    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]:
        return self.fc(x)


blocks: List[Module] = [Dense(8, 8, relu), Scale(8), LayerNorm(8), Residual(Dense(8, 8)), Typed()]
x = tf.randn(2, 8)
for b in blocks:
    x = b(x)
print(x.shape)
mixed = [Dense(8, 8), Scale(8), Chain(Dense(8, 8), relu)]
for m in mixed:
    x = m(x)
parts: Dict[str, Module] = {"scale": Scale(8), "fc": Dense(8, 2)}
print(parts["fc"](parts["scale"](x)).shape)
model = Chain(Dense(4, 8), Scale(8), Residual(Chain(Dense(8, 8), relu)), Typed(), Dense(8, 2))
print(model(tf.randn(3, 4)).shape)
state = tf.setup(tf.Adam(1e-3), model)
loss, (g,) = tf.withgradient(lambda m: m(tf.randn(3, 4)).sum(), model)
state, model = tf.update(state, model, g)
print(len(tf.params(model)))
