"""split and chunk: several outputs, each with its own type; sizes that do not add up, and
chunks that do not divide, reported on the line."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)

qkv = tf.zeros(2, 10, 192)
q, k, v = tf.split(qkv, (64, 64, 64))
reveal_type(q)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10], Literal[64]]"
reveal_type(tf.split(qkv, [64, 128]))  # N: Revealed type is "tuple[typedflux.tensor.Tensor[Literal[2], Literal[10], Literal[64]], typedflux.tensor.Tensor[Literal[2], Literal[10], Literal[128]]]"
short = tf.split(qkv, (64, 64, 32))  # E: Sizes do not add up for "split": x has Tensor[2, 10, 192], sizes are (64, 64, 32); need a sum of 192 at axis 2 (160 vs 192)  [shape]
rows = tf.split(qkv, (1, 1), axis=0)
reveal_type(rows[1])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[10], Literal[192]]"
uneven = tf.chunk(qkv, 5)  # E: Cannot split evenly for "chunk": x has Tensor[2, 10, 192], chunks is 5; need the size at axis 2 divisible by 5 (192 % 5 = 2)  [shape]
reveal_type(tf.chunk(qkv, 3, axis=-1)[0])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10], Literal[64]]"


def heads(h: Tensor[B, T, "3*D"]) -> Tensor[B, T, D]:
    q, k, v = tf.chunk(h, 3)
    return q


def by_sizes(h: Tensor[B, T, "3*D"], d: D) -> Tensor[B, T, D]:
    q, k, v = tf.split(h, (d, d, d))
    return v


def by_wrong_sizes(h: Tensor[B, T, "3*D"], d: D) -> None:
    tf.split(h, (d, d))  # E: Sizes do not add up for "split": x has Tensor[B, T, 3*D], sizes are (D, D); need a sum of 3*D at axis 2 (2*D vs 3*D)  [shape]


heads(tf.ones(2, 5, 12))
by_sizes(tf.ones(2, 5, 12), 4)
by_wrong_sizes(tf.ones(2, 5, 12), 4)
