"""pad="same" in symbolic form, U-Net style round trips annotated as a practitioner would."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, MaxPool, Tensor, Upsample

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def same1(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, H, W]:
    return Conv((3, 3), 3, 8, pad="same")(x)


@tf.shapecheck
def same2(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "(H + 1)//2", "(W + 1)//2"]:
    return Conv((3, 3), 3, 8, stride=2, pad="same")(x)


@tf.shapecheck
def same4(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, H, W]:
    return Conv((4, 4), 3, 8, pad="same")(x)


@tf.shapecheck
def up_same(x: Tensor[B, 8, H, W]) -> Tensor[B, 4, "2*H", "2*W"]:
    return ConvTranspose((3, 3), 8, 4, stride=2, pad="same")(x)


@tf.shapecheck
def round_trip(x: Tensor[B, 8, "2*H", "2*W"]) -> Tensor[B, 8, "2*H", "2*W"]:
    return Upsample(2)(MaxPool((2, 2))(x))


@tf.shapecheck
def dilated(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, H, W]:
    return Conv((3, 3), 3, 8, pad=2, dilation=2)(x)


print(same1(tf.ones(1, 3, 7, 6)).shape, same2(tf.ones(1, 3, 7, 6)).shape, same4(tf.ones(1, 3, 7, 6)).shape,
      up_same(tf.ones(1, 8, 5, 3)).shape, round_trip(tf.ones(1, 8, 6, 4)).shape, dilated(tf.ones(1, 3, 5, 5)).shape)
