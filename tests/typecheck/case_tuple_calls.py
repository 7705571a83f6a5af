"""A call returning a tuple of tensors, returned or assigned where a tuple is declared.

``return encode(x)`` of a ``-> Tuple[Tensor[...], Tensor[...]]`` helper is compared item by
item: the first item whose shape provably differs is a ``[shape]`` error naming the tuple
item (mypy alone says ``Incompatible return value type`` about the whole tuple, with
``Literal[...]`` dims). Concrete and symbolic, each with its fix; ``@tf.shapecheck`` raises
the same words at run time.
"""

from typing import Tuple, TypeVar

from typing_extensions import TypeVarTuple

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Init = TypeVarTuple("Init")

to_mu, to_logvar = Dense(64, 16), Dense(64, 16)


def encode(h: Tensor[B, 64]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
    return to_mu(h), to_logvar(h)


@tf.shapecheck
def latent(h: Tensor[8, 64]) -> Tuple[Tensor[8, 16], Tensor[8, 32]]:
    return encode(h)  # E: Return shape Tensor[8, 16] (tuple item 1) does not match the annotation Tensor[8, 32]: axis 1 is 16, expected 32  [shape]


@tf.shapecheck
def latent_fixed(h: Tensor[8, 64]) -> Tuple[Tensor[8, 16], Tensor[8, 16]]:
    return encode(h)


def split_last(x: Tensor[*Init, N]) -> Tuple[Tensor[*Init], Tensor[N]]:
    return x.sum(axis=-1), x.reshape(-1, x.shape[-1]).mean(axis=0)


@tf.shapecheck
def stats(x: Tensor[B, 3, 4]) -> Tuple[Tensor[B], Tensor[4]]:
    return split_last(x)  # E: Return shape Tensor[B, 3] (tuple item 0) does not match the annotation Tensor[B]: rank is 2, expected 1  [shape]


@tf.shapecheck
def stats_fixed(x: Tensor[B, 3, 4]) -> Tuple[Tensor[B, 3], Tensor[4]]:
    return split_last(x)


pair: Tuple[Tensor[8, 16], Tensor[8, 8]] = encode(tf.randn(8, 64))  # E: Assigned shape Tensor[8, 16] (tuple item 1) does not match the annotation Tensor[8, 8] of "pair": axis 1 is 16, expected 8  [shape]
pair_fixed: Tuple[Tensor[8, 16], Tensor[8, 16]] = encode(tf.randn(8, 64))
latent(tf.randn(8, 64))
latent_fixed(tf.randn(8, 64))
stats(tf.randn(2, 3, 4))
stats_fixed(tf.randn(2, 3, 4))

# Names declared before, filled by a tuple target inside a tuple target (an LSTM's final
# states), and an annotated attribute given a bare name unpacked from a layer's tuple: mypy's
# own [assignment] in Literal words before, the boundary's words now (static only: a variable
# annotation is invisible at run time).
lstm = tf.LSTM(12, 20, return_state=True)


def final_states(x: Tensor[B, 7, 12]) -> Tensor[B, 20]:
    h: Tensor[B, 12]
    c: Tensor[B, 20]
    _, (h, c) = lstm(x)  # E: Assigned shape Tensor[B, 20] does not match the annotation Tensor[B, 12] of "h": axis 1 is 20, expected 12  [shape]
    return c


def final_states_fixed(x: Tensor[B, 7, 12]) -> Tensor[B, 20]:
    h: Tensor[B, 20]
    c: Tensor[B, 20]
    _, (h, c) = lstm(x)
    return h + c


cell_state: Tensor[3, 16]
seq_out, (cell_state, memory) = lstm(tf.randn(3, 7, 12))  # E: Assigned shape Tensor[3, 20] does not match the annotation Tensor[3, 16] of "cell_state": axis 1 is 20, expected 16  [shape]


class Tracker:
    def __init__(self) -> None:
        self.rnn = tf.GRU(6, 24, return_state=True)
        self.h: Tensor[3, 16] = tf.zeros(3, 16)
        self.wide: Tensor[3, 24] = tf.zeros(3, 24)

    def step(self, x: Tensor[3, 1, 6]) -> None:
        _, h = self.rnn(x)
        self.h = h  # E: Assigned shape Tensor[3, 24] does not match the annotation Tensor[3, 16] of "self.h": axis 1 is 24, expected 16  [shape]
        self.wide = h


final_states_fixed(tf.randn(2, 7, 12))
Tracker().step(tf.randn(3, 1, 6))
