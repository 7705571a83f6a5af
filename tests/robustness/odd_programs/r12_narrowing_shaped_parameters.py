"""Narrowing of shaped tensors: isinstance, ndim branches, assert on shape, match on shape,
Optional parameters, rebinding to unions, then layers."""
from typing import Any, Optional, TypeVar, Union

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
ln = LayerNorm(48)
proj = Dense(48, 48)


def f1(x: Tensor[B, 48], flag: bool) -> Tensor[B, 48]:
    if flag:
        x = proj(x)
    x = ln(x)
    return x


def f2(x: Union[Tensor[B, 48], np.ndarray]) -> Tensor[B, 48]:
    if isinstance(x, np.ndarray):
        x = tf.tensor(x)
    x = ln(x)
    return proj(x)


def f3(x: tf.Tensor) -> tf.Tensor:
    if x.ndim == 2:
        x = x.unsqueeze(0)
    assert x.shape[-1] == 48
    return ln(x)


def f4(x: tf.Tensor) -> tf.Tensor:
    match x.shape:
        case (b, d):
            return proj(x.reshape(b, d))
        case (b, t, d):
            return proj(x.reshape(b * t, d))
        case _:
            raise ValueError


def f5(x: Optional[Tensor[B, 48]] = None, n: int = 2) -> Tensor[Any, 48]:
    if x is None:
        x = tf.zeros(n, 48)
    return ln(proj(x))


def f6(x: Tensor[B, 48]) -> Tensor[B, 48]:
    y: Any = x
    x = y if y is not None else x
    x = ln(x)
    return x


def f7(x: Tensor[B, 48]) -> Tensor[B, 48]:
    for _ in range(2):
        x = proj(x) if x.shape[0] > 1 else ln(x)
    return x


def f8(xs: list, d: int) -> tf.Tensor:
    x = xs[0]
    x = ln(x)
    return x


print(f1(tf.randn(2, 48), True).shape, f2(np.zeros((3, 48), dtype=np.float32)).shape)
print(f3(tf.randn(2, 48)).shape, f4(tf.randn(2, 3, 48)).shape, f5().shape, f6(tf.randn(2, 48)).shape)
print(f7(tf.randn(2, 48)).shape, f8([tf.randn(1, 48)], 1).shape)
