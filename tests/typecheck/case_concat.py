"""concat/stack and then use the result: the joined axis adds up, the others must agree."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

a = tf.zeros(8, 3)
b = tf.zeros(8, 5)
ab = tf.concat([a, b])
reveal_type(ab)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[8]]"
y = ab @ tf.zeros(5, 4)  # E: Inner dimensions differ for "matmul": x has Tensor[8, 8], w has Tensor[5, 4]; need x.shape[-1] == w.shape[-2] (8 vs 5)  [shape]
y_fixed = ab @ tf.zeros(8, 4)
reveal_type(y_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[4]]"
rows = tf.concat([a, b], axis=0)  # E: Sizes differ for "concat": xs[0] has Tensor[8, 3], xs[1] has Tensor[8, 5]; need equal sizes except at axis 0 (3 vs 5 at axis 1)  [shape]
rows_fixed = tf.concat([a, tf.zeros(2, 3)], axis=0)
reveal_type(rows_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10], Literal[3]]"
reveal_type(tf.stack([a, a]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[3]]"
stacked = tf.stack([a, b])  # E: Sizes differ for "stack": xs[0] has Tensor[8, 3], xs[1] has Tensor[8, 5]; need equal shapes (3 vs 5 at axis 1)  [shape]
reveal_type(tf.cat(a, b))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[8]]"
reveal_type(tf.cat(a, b, axis=-1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[8]]"
reveal_type(tf.add(a, a, tf.zeros(3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[3]]"
bad_sum = tf.add(a, b)  # E: Cannot broadcast for "add": xs[0] has Tensor[8, 3], xs[1] has Tensor[8, 5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]


def join(x: Tensor[B, 3], y: Tensor[B, 5]) -> Tensor[B, 8]:
    return tf.concat([x, y], axis=1)


def join_then_project(x: Tensor[B, 3], y: Tensor[B, 5], w: Tensor[3, 2]) -> Tensor[B, 2]:
    return tf.concat([x, y], axis=1) @ w  # E: Inner dimensions differ for "matmul": x has Tensor[B, 8], w has Tensor[3, 2]; need x.shape[-1] == w.shape[-2] (8 vs 3)  [shape]


def join_then_project_fixed(x: Tensor[B, 3], y: Tensor[B, 5], w: Tensor[8, 2]) -> Tensor[B, 2]:
    return tf.concat([x, y], axis=1) @ w


join(tf.zeros(2, 3), tf.zeros(2, 5))
join_then_project(tf.zeros(2, 3), tf.zeros(2, 5), tf.zeros(3, 2))
join_then_project_fixed(tf.zeros(2, 3), tf.zeros(2, 5), tf.zeros(8, 2))
