"""Floor-division identities in annotations: strided convs written as one closed form."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, MaxPool, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
s2 = Conv((3, 3), 4, 4, stride=2, pad=1)
s2b = Conv((3, 3), 4, 4, stride=2, pad=1)
k4 = Conv((4, 4), 4, 4, stride=4)


@tf.shapecheck
def once(x: Tensor[B, 4, H, W]) -> Tensor[B, 4, "(H+1)//2", "(W+1)//2"]:
    return s2(x)


@tf.shapecheck
def twice(x: Tensor[B, 4, H, W]) -> Tensor[B, 4, "(H+3)//4", "(W+3)//4"]:
    return s2b(s2(x))


@tf.shapecheck
def quarter(x: Tensor[B, 4, H, W]) -> Tensor[B, 4, "H//4", "W//4"]:
    return k4(x)


@tf.shapecheck
def pools(x: Tensor[B, 4, H, W]) -> Tensor[B, 4, "H//4", "W//4"]:
    return MaxPool((2, 2))(MaxPool((2, 2))(x))


x = tf.randn(1, 4, 9, 7)
print(once(x).shape, twice(x).shape, quarter(x).shape, pools(x).shape)
