"""Callable parameters typed with bare Tensors, given layers, user layers, functions, lambdas."""
from typing import Callable, List, Literal, Sequence, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
Fn = Callable[[Tensor], Tensor]


def run(layer: Callable[[Tensor], Tensor], x: Tensor) -> Tensor:
    return layer(x)


def run_all(layers: Sequence[Fn], x: Tensor) -> Tensor:
    for f in layers:
        x = f(x)
    return x


def run_any(layer: Callable[..., Tensor], x: Tensor) -> Tensor:
    return layer(x)


class Widen:
    def __call__(self, x: Tensor[B, Literal[4]]) -> Tensor[B, Literal[8]]:
        return tf.cat(x, x, axis=1)


def half(x: Tensor[B, Literal[8]]) -> Tensor[B, Literal[4]]:
    return x[:, :4]


x = tf.randn(3, 4)
print(run(Dense(4, 6), x).shape, run(relu, x).shape, run(Widen(), x).shape, run(half, tf.randn(2, 8)).shape)
print(run_all([Dense(4, 8), relu, LayerNorm(8), half], x).shape, run_any(Chain(Dense(4, 2)), x).shape)
fns: List[Fn] = [Dense(4, 4), relu, lambda t: t * 2, Widen(), half]
print(run_all(fns, x).shape)
