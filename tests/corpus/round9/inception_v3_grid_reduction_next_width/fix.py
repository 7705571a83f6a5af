"""Inception-v3's grid-size reduction: a strided 3x3 branch, a strided double-3x3 branch and a
max pool (which keeps its input's 288 channels) joined by a typed concat; the next block was
sized without the pool branch."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
C1 = TypeVar("C1", bound=int)
C2 = TypeVar("C2", bound=int)
C3 = TypeVar("C3", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def cat3(a: Tensor[B, C1, H, W], b: Tensor[B, C2, H, W], c: Tensor[B, C3, H, W]) -> Tensor[B, "C1+C2+C3", H, W]:
    return tf.cat(a, b, c, axis=1)


reduction = Parallel(
    cat3,
    Conv((3, 3), 288, 384, relu, stride=2),
    Chain(Conv((1, 1), 288, 64, relu), Conv((3, 3), 64, 96, relu, pad=1), Conv((3, 3), 96, 96, relu, stride=2)),
    MaxPool((3, 3), stride=2),
)
model = Chain(
    reduction,
    Conv((1, 1), 384 + 96 + 288, 192, relu),
)
print(model(tf.randn(1, 288, 9, 9)).shape)
