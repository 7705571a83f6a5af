"""einops with an ellipsis over the batch axes: swap the last two axes of a Tensor[*Bs, N, M];
the right side of the pattern repeats the left."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def swap_last(x: Tensor[Unpack[Bs], N, M]) -> Tensor[Unpack[Bs], M, N]:
    return tf.rearrange(x, "... n m -> ... m n")


print(swap_last(tf.randn(2, 3, 4, 5)).shape)
