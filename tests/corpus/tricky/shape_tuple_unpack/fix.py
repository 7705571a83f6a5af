"""nanoGPT-style B, T, C = x.shape, then a view into heads with the wrong head count."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Bt = TypeVar("Bt", bound=int)
Tt = TypeVar("Tt", bound=int)


def heads(x: Tensor[Bt, Tt, 32]) -> Tensor[Bt, 4, Tt, 8]:
    B, T, C = x.shape
    return x.reshape(B, T, 4, C // 4).transpose(0, 2, 1, 3)


print(heads(tf.randn(2, 5, 32)).shape)
