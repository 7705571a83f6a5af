"""Unions and Any reaching layer calls: conditional values, Optional, try/except, loops."""
import json
from typing import Any, List, Optional, TypeVar, Union

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
d = Dense(8, 4)
ln = LayerNorm(8)
cfg: Any = json.loads('{"w": 8}')


def f1(x: Tensor[B, 8], flag: bool) -> tf.Tensor:
    y = x if flag else tf.randn(3, 8)
    return d(y)


def f2(x: Tensor[B, 8], extra: Optional[Tensor[B, 8]]) -> tf.Tensor:
    if extra is not None:
        x = x + extra
    return ln(x)


def f3(x: Union[Tensor[B, 8], Tensor[B, 2, 8]]) -> tf.Tensor:
    return d(x)


def f4(x: Tensor[B, 8]) -> Tensor[B, 4]:
    try:
        x = ln(x)
    except ValueError:
        x = cfg["fallback"]
    return d(x)


def f5(x: Tensor[B, 8], n: int) -> tf.Tensor:
    for _ in range(n):
        x = ln(x)
        x = relu(x)
    return d(x)


def f6(x: Tensor[B, 8]) -> tf.Tensor:
    x = x if cfg else None
    if x is None:
        return tf.zeros(1)
    return d(x)


def f7(x: Tensor[B, 8], layers: List[Any]) -> tf.Tensor:
    for layer in layers:
        x = layer(x)
    return ln(x)


def f8(x: Tensor[B, 8]) -> tf.Tensor:
    x = cfg
    return ln(x)


def f9(x: Tensor[B, 8]) -> Tensor[B, 4]:
    h = ln(x)
    h = h if cfg else json.loads("1")
    h = d(h)
    return h


x = tf.randn(2, 8)
print(f1(x, True).shape, f2(x, None).shape, f3(x).shape, f4(x).shape, f5(x, 2).shape, f6(x).shape)
print(f7(x, [relu, tf.identity]).shape, f9(x).shape)
