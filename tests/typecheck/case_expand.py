"""tile, repeat, repeat_interleave, pad and picking along an axis: sizes computed, slips
reported on the line."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

x = tf.zeros(3, 4)
reveal_type(tf.tile(x, 2, 1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[4]]"
reveal_type(tf.repeat(x, 1, 1, 3))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[3], Literal[12]]"
too_few = tf.repeat(x, 3)  # E: Too few counts for "repeat": x has Tensor[3, 4], counts is (3); need one count per axis at least (1 given for rank 2)  [shape]
reveal_type(tf.repeat_interleave(x, 2, axis=0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[4]]"
reveal_type(tf.pad(x, ((0, 0), (2, 1))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[7]]"
one_pair = tf.pad(x, ((2, 1),))  # E: Cannot pad for "pad": x has Tensor[3, 4], widths is ((2, 1),); need one (before, after) pair per axis (1 given for rank 2)  [shape]
too_wide = tf.pad(x, ((0, 0), (4, 4)), mode="reflect")  # E: Cannot pad for "pad": x has Tensor[3, 4], widths is ((0, 0), (4, 4)); need reflect widths below the axis size (4 vs 4 at axis 1)  [shape]
labels = tf.tensor([[1], [0], [3]])
reveal_type(tf.take_along_axis(x, labels, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[1]]"
flat_labels = tf.take_along_axis(x, tf.tensor([1, 0, 3]), axis=1)  # E: Cannot index for "take_along_axis": x has Tensor[3, 4], indices has Tensor[3]; need equal ranks (2 vs 1)  [shape]
reveal_type(tf.gather(x, 1, labels))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[1]]"


def picked(scores: Tensor[B, T], labels: Tensor[B]) -> Tensor[B, 1]:
    return tf.take_along_axis(scores, labels, axis=1)  # E: Cannot index for "take_along_axis": x has Tensor[B, T], indices has Tensor[B]; need equal ranks (2 vs 1)  [shape]


def picked_fixed(scores: Tensor[B, T], labels: Tensor[B, 1]) -> Tensor[B, 1]:
    return tf.take_along_axis(scores, labels, axis=1)


def causal_pad(h: Tensor[B, T]) -> Tensor[B, "T+2"]:
    return tf.pad(h, ((0, 0), (2, 0)))


picked(tf.ones(2, 5), tf.tensor([1, 2]))
picked_fixed(tf.ones(2, 5), tf.tensor([[1], [2]]))
causal_pad(tf.ones(2, 5))
