"""EfficientNet MBConv: expand 1x1, depthwise 3x3, squeeze-excite on the expanded channels,
project 1x1. The squeeze-excite reduction was sized for the block's input channels."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, sigmoid, swish

B = TypeVar("B", bound=int)
CIN: Final = 8
EXP: Final = 32
COUT: Final = 16
expand = Chain(Conv((1, 1), CIN, EXP, swish), BatchNorm(EXP))
depthwise = Chain(Conv((3, 3), EXP, EXP, swish, pad=1, groups=EXP), BatchNorm(EXP))
se_reduce = Dense(EXP, 4, swish)
se_expand = Dense(4, EXP, sigmoid)
project = Chain(Conv((1, 1), EXP, COUT), BatchNorm(COUT))


def mbconv(x: Tensor[B, CIN, 8, 8]) -> Tensor[B, COUT, 8, 8]:
    h = depthwise(expand(x))
    s = h.mean(axis=3).mean(axis=2)
    gate = se_expand(se_reduce(s))
    h = h * gate.reshape(x.shape[0], EXP, 1, 1)
    return project(h)


print(mbconv(tf.randn(2, CIN, 8, 8)).shape)
