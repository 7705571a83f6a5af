"""tsanley's "b,t,d" / "b,s,d" annotations for attention: keys of another width than the
queries."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def attend(q: Tensor[B, T, D], k: Tensor[B, S, D], v: Tensor[B, S, D]) -> Tensor[B, T, D]:
    w = tf.softmax(q @ k.swapaxes(1, 2), axis=-1)
    return w @ v


to_k = Dense(12, 8)
q = tf.randn(2, 5, 8)
mem = tf.randn(2, 9, 12)
print(attend(q, to_k(mem), tf.randn(2, 9, 8)).shape)
