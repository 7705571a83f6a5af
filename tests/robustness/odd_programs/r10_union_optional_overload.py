"""Unions, Optionals and overloads of shaped annotations, correct uses."""
from typing import Optional, Tuple, TypeVar, Union, overload

import typedflux as tf
from typedflux import Dense, LSTM, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def to_rgb(x: Union[Tensor[B, 1, 8, 8], Tensor[B, 3, 8, 8]]) -> Tensor[B, 3, 8, 8]:
    return x if x.shape[1] == 3 else tf.cat(x, x, x, axis=1)


@tf.shapecheck
def maybe_mask(x: Tensor[B, T, 16], mask: Optional[Tensor[B, T]] = None) -> Tensor[B, T, 16]:
    if mask is None:
        return x
    return x * mask[..., None]


@overload
def enc(x: Tensor[B, 4]) -> Tensor[B, 2]: ...
@overload
def enc(x: Tensor[B, T, 4]) -> Tensor[B, T, 2]: ...
def enc(x: tf.Tensor) -> tf.Tensor:
    return Dense(4, 2)(x)


lstm = LSTM(4, 6)


def run(x: Tensor[B, T, 4], state: Optional[Tuple[Tensor[B, 6], Tensor[B, 6]]] = None) -> Tensor[B, T, 6]:
    return lstm(x) if state is None else lstm(x, state)


print(to_rgb(tf.randn(2, 1, 8, 8)).shape, to_rgb(tf.randn(2, 3, 8, 8)).shape)
print(maybe_mask(tf.randn(2, 5, 16)).shape, maybe_mask(tf.randn(2, 5, 16), tf.ones(2, 5)).shape)
print(enc(tf.randn(3, 4)).shape, enc(tf.randn(3, 5, 4)).shape)
print(run(tf.randn(2, 3, 4)).shape, run(tf.randn(2, 3, 4), (tf.zeros(2, 6), tf.zeros(2, 6))).shape)
y: Tensor[3, 5, 2] = enc(tf.randn(3, 5, 4))
z = Dense(2, 1)(enc(tf.randn(3, 4)))
print(y.shape, z.shape)
