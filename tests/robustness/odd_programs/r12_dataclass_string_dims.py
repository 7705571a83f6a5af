"""Dataclass and NamedTuple fields with string dims, Final constants and TypeVars; a generic
dataclass returned from a @tf.shapecheck function and unpacked."""
from dataclasses import astuple, dataclass
from typing import Final, Generic, NamedTuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D: Final = 8


@dataclass
class Seq(Generic[B, T]):
    tokens: Tensor[B, T]
    shifted: Tensor[B, "T+1"]
    feats: Tensor[B, T, D]
    pooled: Tensor[B, "2*D"]


class Pair(NamedTuple):
    a: Tensor[2, D]
    b: Tensor[2, "D+1"]


@tf.shapecheck
def build(tokens: Tensor[B, T]) -> Seq[B, T]:
    b, t = tokens.shape
    return Seq(tokens, tf.zeros(b, t + 1), tf.zeros(b, t, D), tf.zeros(b, 2 * D))


s = build(tf.zeros(3, 5))
print(s.shifted.shape, Dense(D, 1)(s.feats).shape, Dense(2 * D, 1)(s.pooled).shape)
tokens, shifted, feats, pooled = astuple(s)
print(tokens.shape)
p = Pair(tf.zeros(2, D), tf.zeros(2, D + 1))
a, b = p
print(Dense(D, 1)(a).shape, Dense(D + 1, 1)(b).shape, Dense(D + 1, 1)(p[1]).shape)
