"""torchtyping style: bilinear scores by einsum; the output subscripts are in the wrong
order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def bilinear_scores(q: Tensor[B, T, D], k: Tensor[B, S, D], w: Tensor[D, D]) -> Tensor[B, T, S]:
    return tf.einsum("btd,de,bse->bts", q, w, k)


print(bilinear_scores(tf.randn(2, 3, 4), tf.randn(2, 5, 4), tf.randn(4, 4)).shape)
