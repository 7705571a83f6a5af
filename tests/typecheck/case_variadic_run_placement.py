"""A value whose variadic run (``*Shape``) sits elsewhere than the annotation puts it, in a
shape of the same rank (pyright's TypeVarTuple samples: ``add_batch_axis``, moving the batch
axis last). The run is one rigid list of dims: with one item in it, that item meets a dim
written around the other run, so the layout is wrong for every non-empty run. Both checkers
say where the run starts (the run time finds the sizes the arguments bound)."""

from typing import Iterator, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
B = TypeVar("B", bound=int)


@tf.shapecheck
def add_batch_axis(x: Tensor[Unpack[Shape]]) -> Tensor[1, Unpack[Shape]]:
    return x[..., None]  # E: Return shape Tensor[*Shape, 1] does not match the annotation Tensor[1, *Shape]: *Shape starts at axis 0, expected at axis 1  [shape]


@tf.shapecheck
def add_batch_axis_fixed(x: Tensor[Unpack[Shape]]) -> Tensor[1, Unpack[Shape]]:
    return x[None]


@tf.shapecheck
def batch_last(x: Tensor[B, Unpack[Shape]]) -> Tensor[Unpack[Shape], B]:
    return x  # E: Return shape Tensor[B, *Shape] does not match the annotation Tensor[*Shape, B]: *Shape starts at axis 1, expected at axis 0  [shape]


@tf.shapecheck
def batch_last_fixed(x: Tensor[B, Unpack[Shape]]) -> Tensor[Unpack[Shape], B]:
    return tf.rearrange(x, "b ... -> ... b")


@tf.shapecheck
def channels_last(x: Tensor[3, Unpack[Shape]]) -> Tensor[Unpack[Shape], 3]:
    return x * 2.0  # E: Return shape Tensor[3, *Shape] does not match the annotation Tensor[*Shape, 3]: *Shape starts at axis 1, expected at axis 0  [shape]


@tf.shapecheck
def channels_last_fixed(x: Tensor[3, Unpack[Shape]]) -> Tensor[Unpack[Shape], 3]:
    return tf.rearrange(x, "c ... -> ... c") * 2.0


@tf.shapecheck
def rows(x: Tensor[B, Unpack[Shape]]) -> Iterator[Tensor[Unpack[Shape], B, 1]]:
    yield x[..., None]  # E: Yielded shape Tensor[B, *Shape, 1] does not match the annotation Tensor[*Shape, B, 1]: *Shape starts at axis 1, expected at axis 0  [shape]


@tf.shapecheck
def same_layout(x: Tensor[B, Unpack[Shape]]) -> Tensor[B, Unpack[Shape], 1]:
    return x[..., None]


add_batch_axis(tf.zeros(3, 4))
add_batch_axis_fixed(tf.zeros(3, 4))
batch_last(tf.zeros(4, 3, 2))
batch_last_fixed(tf.zeros(4, 3, 2))
channels_last(tf.zeros(3, 5, 7))
channels_last_fixed(tf.zeros(3, 5, 7))
list(rows(tf.zeros(4, 3)))
same_layout(tf.zeros(4, 3))
add_batch_axis(tf.zeros(()))
batch_last(tf.zeros(4))
