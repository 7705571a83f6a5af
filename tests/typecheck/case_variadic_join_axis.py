"""A join along an axis that falls inside the shapes' shared variadic run (pyright's
TypeVarTuple prefix samples: ``Array[*Shape, N]`` joined along axis 0). For every run long
enough to hold the axis, the dims written around the run are off the join axis, so two that
differ are refused, the lengths that holds for in a note (an empty ``*Shape`` would make axis
0 the last axis: the annotation asks for every ``*Shape``, as a symbol stands for every
size). Same words at run time, where the run has sizes."""

from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
B = TypeVar("B", bound=int)


@tf.shapecheck
def concat_last(x: Tensor[Unpack[Shape], N], y: Tensor[Unpack[Shape], M]) -> Tensor[Unpack[Shape], "N+M"]:
    return tf.cat(x, y, axis=0)  # E: Sizes differ for "cat": xs[0] has Tensor[*Shape, N], xs[1] has Tensor[*Shape, M]; need equal sizes except at axis 0 (N vs M at axis -1)  [shape]  # N: for every *Shape of at least 1 item, which holds axis 0


@tf.shapecheck
def concat_last_fixed(x: Tensor[Unpack[Shape], N], y: Tensor[Unpack[Shape], M]) -> Tensor[Unpack[Shape], "N+M"]:
    return tf.cat(x, y, axis=-1)


@tf.shapecheck
def widen(x: Tensor[Unpack[Shape], 3], y: Tensor[Unpack[Shape], 5]) -> Tensor[Unpack[Shape], 8]:
    return tf.concat([x, y], axis=0)  # E: Sizes differ for "concat": xs[0] has Tensor[*Shape, 3], xs[1] has Tensor[*Shape, 5]; need equal sizes except at axis 0 (3 vs 5 at axis -1)  [shape]  # N: for every *Shape of at least 1 item, which holds axis 0


@tf.shapecheck
def widen_fixed(x: Tensor[Unpack[Shape], 3], y: Tensor[Unpack[Shape], 5]) -> Tensor[Unpack[Shape], 8]:
    return tf.concat([x, y], axis=-1)


@tf.shapecheck
def join_rows(x: Tensor[B, Unpack[Shape], 4], y: Tensor[B, Unpack[Shape], 6]) -> Tensor[B, Unpack[Shape], 10]:
    return tf.cat(x, y, axis=-2)  # E: Sizes differ for "cat": xs[0] has Tensor[B, *Shape, 4], xs[1] has Tensor[B, *Shape, 6]; need equal sizes except at axis -2 (4 vs 6 at axis -1)  [shape]  # N: for every *Shape of at least 1 item, which holds axis -2


@tf.shapecheck
def join_rows_fixed(x: Tensor[B, Unpack[Shape], 4], y: Tensor[B, Unpack[Shape], 6]) -> Tensor[B, Unpack[Shape], 10]:
    return tf.cat(x, y, axis=-1)


@tf.shapecheck
def stack_runs(x: Tensor[Unpack[Shape], N], y: Tensor[Unpack[Shape], N]) -> Tensor[Unpack[Shape], N]:
    z = tf.cat(x, y, axis=0)  # the dims around the run agree: the sizes are not known
    return z[: x.shape[0]]


concat_last(tf.randn(2, 3), tf.randn(2, 5))
concat_last_fixed(tf.randn(2, 3), tf.randn(2, 5))
widen(tf.randn(4, 3), tf.randn(4, 5))
widen_fixed(tf.randn(4, 3), tf.randn(4, 5))
join_rows(tf.randn(2, 7, 4), tf.randn(2, 7, 6))
join_rows_fixed(tf.randn(2, 7, 4), tf.randn(2, 7, 6))
stack_runs(tf.randn(2, 3), tf.randn(2, 3))
