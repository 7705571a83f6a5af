"""Transformer-XL's relative shift: pad one column, view, drop the first row. The view was
written with the sizes in the wrong order."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
NH: Final = 4
T: Final = 6


@tf.shapecheck
def rel_shift(x: Tensor[B, NH, T, T]) -> Tensor[B, NH, T, T]:
    b = x.shape[0]
    padded = tf.pad(x, ((0, 0), (0, 0), (0, 0), (1, 0)))
    return padded.reshape(b, NH, T + 1, T)[:, :, 1:]


print(rel_shift(tf.randn(2, NH, T, T)).shape)
