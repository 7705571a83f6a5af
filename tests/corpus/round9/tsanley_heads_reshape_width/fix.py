"""tsanley-style checked reshape into heads, translated to an annotated assignment: 4 heads of
8 need a width of 32; the projection gives 48."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
NH: Final = 4
HD: Final = 8
proj = Dense(16, 32)


def heads(x: Tensor[B, T, 16]) -> Tensor[B, T, NH, HD]:
    h: Tensor[B, T, NH, HD] = proj(x).reshape(x.shape[0], x.shape[1], NH, HD)
    return h


print(heads(tf.randn(2, 5, 16)).shape)
