"""Arguments against a union of tensor annotations (``Union[Tensor[B, 32], Tensor[B, T,
32]]``: a vector or a sequence of features): the argument must fit one member. When none
does, the error names why, member by member, in ``[shape]`` words (mypy's own was
`[arg-type]` in ``Literal`` words, with ``Never`` for the unbound dims); when one does, its
dims are bound. ``@tf.shapecheck`` checks the union by the same rule
(``Bindings.bind_union``)."""

from typing import Optional, TypeVar, Union

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
proj = Dense(32, 8)


@tf.shapecheck
def readout(h: Union[Tensor[B, 32], Tensor[B, T, 32]]) -> Tensor[B, 8]:
    pooled = h.reshape(h.shape[0], -1, 32).mean(axis=1)
    return proj(pooled)


@tf.shapecheck
def pair(h: Union[Tensor[2, 32], Tensor[2, 5, 32]], scale: Optional[Tensor[2, 1]] = None) -> int:
    return h.ndim


@tf.shapecheck
def maybe(h: Optional[Union[Tensor[B, 32], Tensor[B, T, 32]]], w: Tensor[B, 4]) -> int:
    return 0 if h is None else h.ndim


@tf.shapecheck
def logits_of(features: Tensor[B, T, 50]) -> Tensor[B, 8]:
    return readout(features)  # E: Argument "h" of "readout" has shape Tensor[B, T, 50], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 50, expected 32)  [shape]


@tf.shapecheck
def logits_of_fixed(features: Tensor[B, T, 32]) -> Tensor[B, 8]:
    return readout(features)


reveal_type(readout(tf.randn(2, 5, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"
reveal_type(readout(tf.randn(3, 32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[8]]"
readout(tf.randn(2, 5, 50))  # E: Argument "h" of "readout" has shape Tensor[2, 5, 50], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 50, expected 32)  [shape]
readout(tf.randn(2, 32, 1))  # E: Argument "h" of "readout" has shape Tensor[2, 32, 1], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 1, expected 32)  [shape]
pair(tf.randn(2, 32))
pair(tf.randn(2, 5, 32))
pair(tf.randn(3, 32))  # E: Argument "h" of "pair" has shape Tensor[3, 32], which matches no member of the annotation Tensor[2, 32] | Tensor[2, 5, 32]: Tensor[2, 32] (axis 0 is 3, expected 2); Tensor[2, 5, 32] (rank is 2, expected 3)  [shape]
maybe(None, tf.randn(3, 4))
maybe(tf.randn(3, 7, 32), tf.randn(3, 4))
maybe(tf.randn(2, 7, 32), tf.randn(3, 4))  # E: Dim "B" differs for "maybe": argument "h" gives B = 2, argument "w" gives B = 3; need one size for B (2 vs 3)  [shape]  # N: B=2, T=7
logits_of(tf.randn(2, 5, 50))
logits_of_fixed(tf.randn(2, 5, 32))
