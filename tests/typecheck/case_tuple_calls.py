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
