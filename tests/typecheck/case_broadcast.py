"""Elementwise broadcasting: a symbolic dim never broadcasts, only a literal 1 does."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

h = tf.zeros(32, 10)
bias = tf.zeros(5)
out = h + bias  # E: Cannot broadcast for "add": x has Tensor[32, 10], y has Tensor[5]; need equal sizes or 1 at axis -1 (10 vs 5)  [shape]
out_fixed = h + tf.zeros(10)
reveal_type(out_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(h * tf.zeros(32, 1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.zeros(1, 10) - h)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(2.0 * h)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(h / 2)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(h > 0)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.maximum(h, 0.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.where(h > 0, h, tf.zeros(10)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
bad_where = tf.where(h > 0, h, tf.zeros(3))  # E: Cannot broadcast for "where": cond has Tensor[32, 10], y has Tensor[3]; need equal sizes or 1 at axis -1 (10 vs 3)  [shape]
reveal_type(-h)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.exp(h))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
reveal_type(tf.relu(h))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"


def add_bias(x: Tensor[B, 10], b: Tensor[5]) -> Tensor[B, 10]:
    return x + b  # E: Cannot broadcast for "add": x has Tensor[B, 10], y has Tensor[5]; need equal sizes or 1 at axis -1 (10 vs 5)  [shape]


def add_bias_fixed(x: Tensor[B, 10], b: Tensor[10]) -> Tensor[B, 10]:
    return x + b


add_bias(tf.zeros(4, 10), tf.zeros(5))
add_bias_fixed(tf.zeros(4, 10), tf.zeros(10))


def rigid(x: Tensor[B, 3], y: Tensor[N, 3]) -> Tensor[B, 3]:
    return x + y  # E: Cannot broadcast for "add": x has Tensor[B, 3], y has Tensor[N, 3]; need equal sizes or 1 at axis -2 (B vs N)  [shape]


def rigid_fixed(x: Tensor[B, 3], y: Tensor[B, 3]) -> Tensor[B, 3]:
    return x + y


def rigid_one(x: Tensor[B, 3], y: Tensor[1, 3]) -> Tensor[B, 3]:
    return x + y


rigid(tf.zeros(2, 3), tf.zeros(4, 3))
rigid_fixed(tf.zeros(2, 3), tf.zeros(2, 3))
rigid_one(tf.zeros(2, 3), tf.zeros(1, 3))
