"""tensor_annotations' `Tensor2[N, D]` repeated three times per row, `Tensor3[N, 3, D]`: the
tile's repetitions were given to the rows instead of the new axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def three_views(x: Tensor[N, D]) -> Tensor[N, 3, D]:
    return tf.tile(x[:, None, :], 3, 1, 1)  # BUG  # E: Return shape Tensor[3*N, 1, D] does not match the annotation Tensor[N, 3, D]: axis 0 is 3*N, expected N  [shape]


print(three_views(tf.randn(5, 4)).shape)
