"""A `*` item inside a list display given to `tf.stack` / `tf.concat` (`tf.stack([*xs, y])`):
its items are read where how many there are is known (a display, a counted comprehension, a
name bound once to one of those or to `[t] * 3`, read only by typedflux's functions or `len`),
so the joined tensors are checked one by one and named by their place in the list. A `*xs`
whose length is not known (a parameter, a list that is appended to) may hold no tensor at all:
nothing is reported there. Concrete and symbolic; the same lines raise the same words at run
time (redteam s9 m01).
"""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

xs = [tf.zeros(2, 4)] * 3
stacked_bad = tf.stack([*xs, tf.zeros(2, 5)])  # E: Sizes differ for "stack": xs[0] has Tensor[2, 4], xs[3] has Tensor[2, 5]; need equal shapes (4 vs 5 at axis 1)  [shape]
joined_bad = tf.concat([*xs, tf.zeros(3, 4)], axis=1)  # E: Sizes differ for "concat": xs[0] has Tensor[2, 4], xs[3] has Tensor[3, 4]; need equal sizes except at axis 1 (2 vs 3 at axis 0)  [shape]
stacked = tf.stack([*xs, tf.zeros(2, 4)])
reveal_type(stacked)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[2], Literal[4]]"
joined = tf.concat([*xs, tf.zeros(2, 4)], axis=1)
reveal_type(joined)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[16]]"

pair = [tf.zeros(2, 4), tf.zeros(2, 4)]
pair_bad = tf.stack([*pair, tf.zeros(2, 5)])  # E: Sizes differ for "stack": xs[0] has Tensor[2, 4], xs[2] has Tensor[2, 5]; need equal shapes (4 vs 5 at axis 1)  [shape]
shown_bad = tf.stack([*[tf.zeros(2, 4) for _ in range(2)], tf.zeros(2, 5)])  # E: Sizes differ for "stack": xs[0] has Tensor[2, 4], xs[2] has Tensor[2, 5]; need equal shapes (4 vs 5 at axis 1)  [shape]
reveal_type(tf.stack([*pair, *[tf.zeros(2, 4)]], axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[4]]"


# Symbolic: a local list bound once.
def stack_steps(h: Tensor[B, N]) -> Tensor[3, B, N]:
    steps = [h, h]
    return tf.stack([*steps, tf.concat([h, h], axis=1)])  # E: Sizes differ for "stack": xs[0] has Tensor[B, N], xs[2] has Tensor[B, 2*N]; need equal shapes (N vs 2*N at axis 1)  [shape]


def stack_steps_fixed(h: Tensor[B, N]) -> Tensor[3, B, N]:
    steps = [h, h]
    return tf.stack([*steps, h])


# -- how many `*xs` holds is not known: nothing is reported ---------------------------------------
def given(parts: List[Tensor[B, 4]], y: Tensor[B, 5]) -> Tensor:
    return tf.stack([*parts, y])  # (parts may be empty: then it stacks y alone)


def appended(y: Tensor[B, 5]) -> Tensor:
    parts = [tf.zeros(2, 4)]
    parts.clear()
    return tf.stack([*parts, y])


def unknown_items(parts: List[Tensor], y: Tensor[B, 5]) -> Tensor:
    return tf.concat([*parts, y], axis=1)


stack_steps(tf.zeros(2, 3))
stack_steps_fixed(tf.zeros(2, 3))
given([], tf.zeros(2, 5))
appended(tf.zeros(2, 5))
unknown_items([], tf.zeros(2, 5))
