"""Reductions: the wrong axis, then the broadcast that exposes it; keepdims; axis range."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x = tf.zeros(32, 10)
col_mean = x.mean(axis=0)
centred = x - col_mean.reshape(32, 1)  # E: Cannot reshape for "reshape": x has Tensor[10], target is (32, 1); need equal element counts (10 vs 32)  [shape]
row_mean = x.mean(axis=1)
centred_fixed = x - row_mean.reshape(32, 1)
reveal_type(centred_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(x - x.mean(axis=1, keepdims=True))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(x.sum((0, 1)))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(x.max(-1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32]]"
out_of_range = x.sum(axis=2)  # E: Axis out of range for "sum": x has Tensor[32, 10]; need -2 <= axis < 2 (axis 2)  [shape]
reveal_type(tf.softmax(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.logsumexp(x, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32]]"


def normalise(x: Tensor[B, 10]) -> Tensor[B, 10]:
    return x / x.sum(axis=0)


def normalise_fixed(x: Tensor[B, 10]) -> Tensor[B, 10]:
    return x / x.sum(axis=1, keepdims=True)


normalise(tf.ones(4, 10))
normalise_fixed(tf.ones(4, 10))
