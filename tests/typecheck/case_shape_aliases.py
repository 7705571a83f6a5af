"""Type aliases of shapes (``Logits = Tensor[B, 10]``, as jaxtyping users write them): the
dims in the alias are read as in an annotation, with no ``[valid-type]`` error for an int, a
``Final`` constant or a variadic run (mypy reads the alias's items one by one first; the
plugin takes those errors back: mypy_plugin/callbacks/alias_dims.py). A used alias is its
shape, at run time too (``@tf.shapecheck``).
"""

from typing import Final, TypeAlias, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
Bs = TypeVarTuple("Bs")
D: Final = 16
Tokens = Tensor[B, D]
Logits: TypeAlias = Tensor[B, 10]
Probs = Tensor[Unpack[Bs], 10]


class Shapes:
    Image = Tensor[B, 3, 8, 8]


@tf.shapecheck
def head(x: Tokens[B]) -> Logits[B]:
    return Dense(D, 10)(x)


@tf.shapecheck
def flat(x: Shapes.Image[B]) -> Tensor[B, 192]:
    return x.reshape(x.shape[0], -1)


@tf.shapecheck
def normalise(x: Probs[Unpack[Bs]]) -> Probs[Unpack[Bs]]:
    return x / x.sum(axis=-1, keepdims=True)


reveal_type(head(tf.zeros(2, 16)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[10]]"
reveal_type(flat(tf.zeros(4, 3, 8, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[192]]"
reveal_type(normalise(tf.ones(2, 5, 10)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[10]]"
head(tf.zeros(2, 8))  # E: Argument "x" of "head" has shape Tensor[2, 8], which does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]  # N: B=2
