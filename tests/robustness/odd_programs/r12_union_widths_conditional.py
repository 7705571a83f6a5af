"""Unions of shapes: a conditional picks one of two widths; the program takes the right one."""
import sys
from typing import Optional, TypeVar, Union

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
flag = len(sys.argv) < 100
x = tf.randn(2, 48) if flag else tf.randn(2, 32)
print(Dense(48, 8)(x).shape)
print(LayerNorm(48)(x).shape)
if flag:
    y = tf.randn(3, 48)
else:
    y = tf.randn(3, 16)
print(Dense(48, 8)(y).shape, (y + tf.zeros(3, 48)).shape)


def pick(a: Tensor[B, 48], b: Tensor[B, 32], first: bool) -> Union[Tensor[B, 48], Tensor[B, 32]]:
    return a if first else b


z = pick(tf.randn(2, 48), tf.randn(2, 32), flag)
print(Dense(48, 4)(z).shape)


def maybe(a: Optional[Tensor[B, 48]]) -> Tensor[B, 8]:
    if a is None:
        raise ValueError
    return Dense(48, 8)(a)


print(maybe(tf.randn(5, 48)).shape)
layer = Dense(48, 8) if flag else Dense(32, 8)
print(layer(tf.randn(2, 48)).shape)
w = tf.randn(2, 48)
for i in range(2):
    print(Dense(48, 8)(w).shape)
    w = tf.randn(2, 32) if i > 5 else w
