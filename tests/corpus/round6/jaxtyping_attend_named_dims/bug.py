"""jaxtyping style: attention with q, k, v dims named in the signature; k has another
feature size than q."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)
E = TypeVar("E", bound=int)


@tf.shapecheck
def attend(q: Tensor[B, T, D], k: Tensor[B, S, D], v: Tensor[B, S, E]) -> Tensor[B, T, E]:
    w = tf.softmax(q @ k.swapaxes(1, 2), axis=-1)
    return w @ v


q = tf.randn(2, 3, 8)
k = tf.randn(2, 5, 6)
v = tf.randn(2, 5, 4)
print(attend(q, k, v).shape)  # BUG  # E: Dim "D" differs for "attend": argument "q" gives D = 8, argument "k" gives D = 6; need one size for D (8 vs 6)  [shape]  # N: B=2, T=3, D=8, S=5
