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


to_k = Dense(12, 6)
q = tf.randn(2, 5, 8)
mem = tf.randn(2, 9, 12)
print(attend(q, to_k(mem), tf.randn(2, 9, 8)).shape)  # BUG  # E: Dim "D" differs for "attend": argument "q" gives D = 8, argument "k" gives D = 6; need one size for D (8 vs 6)  [shape]  # N: B=2, T=5, D=8, S=9
