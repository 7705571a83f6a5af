"""Containers feeding tuples: a user layer returning a pair then a function joining it, a
PairwiseFusion in a Chain read by a lambda, a Parallel stacking its branches, a SkipConnection
over a split and join."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LSTM, PairwiseFusion, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)


class Split:
    def __call__(self, x: Tensor[B, 16]) -> Tuple[Tensor[B, 8], Tensor[B, 8]]:
        return x[:, :8], x[:, 8:]


def join(ab: Tuple[Tensor[B, 8], Tensor[B, 8]]) -> Tensor[B, 16]:
    return tf.cat(ab[0], ab[1], axis=1)


m1 = Chain(Dense(4, 16), Split(), join, Dense(16, 2))
m2 = Chain(Dense(8, 8), PairwiseFusion(tf.add, Dense(8, 8), Dense(8, 8)), lambda ys: ys[-1], Dense(8, 3))
m4 = Chain(Dense(4, 8), Parallel(lambda *xs: tf.stack(list(xs), axis=1), Dense(8, 8), Dense(8, 8), relu), lambda h: h.mean(axis=1))
m5 = SkipConnection(Chain(Split(), join), lambda mx, x: mx * x)
print(m1(tf.zeros(2, 4)).shape, m2(tf.zeros(2, 8)).shape, m4(tf.zeros(3, 4)).shape, m5(tf.zeros(2, 16)).shape)
