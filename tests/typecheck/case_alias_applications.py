"""A ``Tensor[...]`` type alias applied to sizes (``Vec = Tensor[N]``, then ``Vec[4]``,
``Batch[B, 784]``, ``Vec["2*D"]``, ``Probs[2, 3]``): each argument is read as a dim, as in
``Tensor[...]`` itself (mypy alone calls a size there an invalid type), and checked at run
time the same way. An alias of such an application (``Img = Batch[B, 784]``) too."""

from typing import Final, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Bs = TypeVarTuple("Bs")
D: Final = 8
Vec = Tensor[N]
Batch = Tensor[B, N]
Probs = Tensor[Unpack[Bs], 10]
Img = Batch[B, 784]


@tf.shapecheck
def pool(x: Batch[B, D], v: Vec["2*D"], p: Probs[2, 3], i: Img[B]) -> Vec[B]:
    return x.sum(axis=1)


reveal_type(pool(tf.zeros(3, 8), tf.zeros(16), tf.zeros(2, 3, 10), tf.zeros(3, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3]]"
pool(tf.zeros(3, 8), tf.zeros(15), tf.zeros(2, 3, 10), tf.zeros(3, 784))  # E: Argument "v" of "pool" has shape Tensor[15], which does not match the annotation Tensor[16]: axis 0 is 15, expected 16  [shape]  # N: B=3
pool(tf.zeros(3, 8), tf.zeros(16), tf.zeros(2, 3, 10), tf.zeros(3, 785))  # E: Argument "i" of "pool" has shape Tensor[3, 785], which does not match the annotation Tensor[B, 784]: axis 1 is 785, expected 784  [shape]  # N: B=3
bad: Vec[-1]  # E: A dim is a size and cannot be negative: got -1  [shape-annotation]
