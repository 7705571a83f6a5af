"""Correct (round 17's false-alarm hunt): halves of expression dims used across calls, with the half bound to a name, and chunk/cat roundtrips."""
from typing import Tuple, TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def halves(x: Tensor[B, "2*N"]) -> Tuple[Tensor[B, N], Tensor[B, N]]:
    a, b = tf.chunk(x, 2, axis=1)
    return a, b


def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    a, b = halves(x)
    return a * tf.sigmoid(b)


def roundtrip(x: Tensor[B, "2*N"]) -> Tensor[B, "2*N"]:
    a, b = halves(x)
    return tf.cat(b, a, axis=1)


x = tf.randn(4, 10)
h = glu(x)
g = Dense(5, 3)(h)
r = roundtrip(x) + x
hh = glu(Dense(10, 8)(x))
print(g.shape, r.shape, (hh + tf.zeros(4, 4)).shape)


def nested(x: Tensor[B, "4*N"]) -> Tensor[B, N]:
    return glu(glu(x))


print(nested(tf.zeros(2, 12)).shape)
