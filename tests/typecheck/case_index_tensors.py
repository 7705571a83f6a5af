"""An index tensor whose expression proves it holds integers gathers: ``table[idx]`` is
``Tensor[*idx.shape, *table.shape[1:]]``. A mask (bools) or a tensor of unknown dtype leaves
the result's shape unknown: the type holds no dtype."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
V = TypeVar("V", bound=int)
D = TypeVar("D", bound=int)

T, H = 5, 3
table = tf.randn(2 * T - 1, H)
rel = [[j - i + T - 1 for j in range(T)] for i in range(T)]
reveal_type(table[tf.tensor(rel)])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[5], Literal[3]]"
bias = table[tf.tensor(rel)].transpose(0, 1, 2)
scores = tf.randn(2, H, T, T) + bias  # E: Cannot broadcast for "add": x has Tensor[2, 3, 5, 5], y has Tensor[5, 5, 3]; need equal sizes or 1 at axis -3 (3 vs 5)  [shape]
fixed = tf.randn(2, H, T, T) + table[tf.tensor(rel)].transpose(2, 0, 1)
reveal_type(fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[5], Literal[5]]"
reveal_type(table[tf.arange(4)])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3]]"
reveal_type(table[:, tf.tensor([0, 2])])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[9], Literal[2]]"
reveal_type(table[tf.tensor([i for i in range(4)]), None])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[1], Literal[3]]"
idx = tf.tensor(rel)  # a module-level name bound once: its expression is read
reveal_type(table[idx])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[5], Literal[3]]"
mask = table[:, 0] > 0
reveal_type(table[mask])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
# A mask, or an index beside an int (numpy moves the result's axes): not read.
reveal_type(table[tf.tensor([True, False, True, True, False, True, True, False, True])])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(table[table[:, 0] > 0])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(table[tf.tensor([0, 1]), 0])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


@tf.shapecheck
def pick(emb: Tensor[V, D], scores: Tensor[B, V]) -> Tensor[B, V]:
    return emb[tf.onecold(scores)]  # E: Return shape Tensor[B, D] does not match the annotation Tensor[B, V]: axis 1 is D, expected V  [shape]


@tf.shapecheck
def pick_fixed(emb: Tensor[V, D], scores: Tensor[B, V]) -> Tensor[B, D]:
    return emb[scores.argmax(axis=1)]


# A list display of ints as an index is an index array too (numpy reads it so): its length
# on the axis it indexes. A list of bools is a mask, a tuple is several indices: not read.
rows = table[[0, 2, 4]]
reveal_type(rows)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[3]]"
rows + tf.randn(4, 3)  # E: Cannot broadcast for "add": x has Tensor[3, 3], y has Tensor[4, 3]; need equal sizes or 1 at axis -2 (3 vs 4)  [shape]
rows + tf.randn(3, 3)
reveal_type(table[[[0, 1], [2, 3]]])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2], Literal[3]]"
reveal_type(table[None, [0, 1]])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[2], Literal[3]]"
reveal_type(table[[True, False, True, True, False, True, True, False, True]])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(table[[0, 1], [1, 2]])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


@tf.shapecheck
def even_columns(x: Tensor[B, 6]) -> Tensor[B, 2]:
    return x[:, [0, 2, 4]]  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


@tf.shapecheck
def even_columns_fixed(x: Tensor[B, 6]) -> Tensor[B, 3]:
    return x[:, [0, 2, 4]]


# An index tensor held by a local name bound by one statement of its function is read too.
@tf.shapecheck
def relative_bias(scores: Tensor[B, 3, 5, 5]) -> Tensor[B, 3, 5, 5]:
    positions = tf.tensor(rel)
    return scores + table[positions]  # E: Cannot broadcast for "add": x has Tensor[B, 3, 5, 5], y has Tensor[5, 5, 3]; need equal sizes or 1 at axis -3 (3 vs 5)  [shape]


@tf.shapecheck
def relative_bias_fixed(scores: Tensor[B, 3, 5, 5]) -> Tensor[B, 3, 5, 5]:
    positions = tf.tensor(rel)
    return scores + table[positions].transpose(2, 0, 1)


def local_names() -> None:
    chosen = tf.arange(4)
    reveal_type(table[chosen])  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[3]]"
    table[chosen] + tf.randn(5, 3)  # E: Cannot broadcast for "add": x has Tensor[4, 3], y has Tensor[5, 3]; need equal sizes or 1 at axis -2 (4 vs 5)  [shape]
    twice = tf.arange(4)
    twice = tf.arange(4)  # bound twice: not read (either binding may reach the read)
    reveal_type(table[twice])  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


relative_bias(tf.randn(2, 3, 5, 5))
relative_bias_fixed(tf.randn(2, 3, 5, 5))
local_names()
even_columns(tf.randn(5, 6))
even_columns_fixed(tf.randn(5, 6))
pick_fixed(tf.randn(10, 4), tf.randn(3, 10))
pick(tf.randn(10, 4), tf.randn(3, 10))
