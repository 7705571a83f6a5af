"""Maths, masks, scans and reductions over an axis: shapes kept or reduced, axes checked."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

x = tf.zeros(8, 16)
reveal_type(tf.sin(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[16]]"
reveal_type(tf.cos(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[16]]"
reveal_type(tf.clamp(x, min=0.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[16]]"
reveal_type(tf.tril(tf.ones(8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[8]]"
vector_mask = tf.tril(tf.ones(8))  # E: Too few dimensions for "tril": x has Tensor[8]; need at least 2 dimensions (1 given)  [shape]
reveal_type(tf.cumsum(x, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[16]]"
running = tf.cumsum(x, axis=2)  # E: Axis out of range for "cumsum": x has Tensor[8, 16]; need -2 <= axis < 2 (axis 2)  [shape]
reveal_type(tf.var(x, axis=0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16]]"
reveal_type(tf.std(x, axis=1, keepdims=True))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[1]]"
reveal_type(tf.argmax(x, axis=-1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8]]"
reveal_type(tf.argmin(x))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(tf.max(x, axis=0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16]]"


def causal(scores: Tensor[B, T, T]) -> Tensor[B, T, T]:
    return tf.triu(scores, k=1)


def standardise(h: Tensor[B, T]) -> Tensor[B, T]:
    return (h - h.mean(axis=1)) / tf.std(h, axis=1, keepdims=True)  # E: Cannot broadcast for "sub": x has Tensor[B, T], y has Tensor[B]; need equal sizes or 1 at axis -1 (T vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


def standardise_fixed(h: Tensor[B, T]) -> Tensor[B, T]:
    return (h - h.mean(axis=1, keepdims=True)) / tf.std(h, axis=1, keepdims=True)


def last_step(h: Tensor[B, T]) -> Tensor[B]:
    return tf.argmax(h, axis=2)  # E: Axis out of range for "argmax": x has Tensor[B, T]; need -2 <= axis < 2 (axis 2)  [shape]


causal(tf.ones(2, 5, 5))
standardise(tf.randn(3, 4))
standardise_fixed(tf.randn(3, 4))
last_step(tf.ones(3, 4))


# The same ops as torch-style methods: the same rules, the same words.
h = tf.zeros(4, 6)
reveal_type(h.exp().sin().clamp(max=1.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[6]]"
reveal_type(h.softmax(axis=0).argmax(axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4]]"
reveal_type(h.var(axis=0, keepdims=True))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[6]]"
a, b = h.split((2, 4))
reveal_type(b)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[4]]"
reveal_type(h.chunk(2, axis=0)[1])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6]]"
reveal_type(h.tile(2).repeat_interleave(3, axis=0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[12], Literal[12]]"
wrong_split = h.split((2, 3))  # E: Sizes do not add up for "split": x has Tensor[4, 6], sizes are (2, 3); need a sum of 6 at axis 1 (5 vs 6)  [shape]
wrong_axis = h.cumsum(2)  # E: Axis out of range for "cumsum": x has Tensor[4, 6]; need -2 <= axis < 2 (axis 2)  [shape]
short_repeat = h.repeat(2)  # E: Too few counts for "repeat": x has Tensor[4, 6], counts is (2); need one count per axis at least (1 given for rank 2)  [shape]
