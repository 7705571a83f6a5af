"""sizes equal for EVERY integer, written in other forms at an annotation: ceil-half
(H + 1)//2 == H - H//2; (H + 1)//2 + H//2 == H (the even and odd rows put back together);
(H - 1)//2 + 1 == (H + 1)//2 (a stride-2 conv, kernel 3, pad 1); (2*H + 1)//2 == H. Each runs
for odd and even sizes and is correct."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)


@tf.shapecheck
def evens(x: Tensor[B, H]) -> Tensor[B, "H - H//2"]:
    return x[:, ::2]


@tf.shapecheck
def rejoin(x: Tensor[B, H]) -> Tensor[B, H]:
    return tf.cat(x[:, ::2], x[:, 1::2], axis=1)


@tf.shapecheck
def down(x: Tensor[B, 4, H, H]) -> Tensor[B, 4, "(H + 1)//2", "(H + 1)//2"]:
    return Conv((3, 3), 4, 4, stride=2, pad=1)(x)


@tf.shapecheck
def down2(x: Tensor[B, 4, H, H]) -> Tensor[B, 4, "H - H//2", "H - H//2"]:
    return Conv((3, 3), 4, 4, stride=2, pad=1)(x)


@tf.shapecheck
def pad_then_half(x: Tensor[B, H]) -> Tensor[B, H]:
    y = tf.cat(x, x, tf.zeros(x.shape[0], 1), axis=1)
    return y[:, : y.shape[1] // 2]


for n in (5, 6):
    print(evens(tf.randn(2, n)).shape, rejoin(tf.randn(2, n)).shape)
    print(down(tf.randn(2, 4, n, n)).shape, down2(tf.randn(2, 4, n, n)).shape)
    print(pad_then_half(tf.randn(2, n)).shape)
