"""An Inception module concatenates three branches; the next conv miscounts the channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
C1 = TypeVar("C1", bound=int)
C2 = TypeVar("C2", bound=int)
C3 = TypeVar("C3", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def cat3(a: Tensor[B, C1, H, W], b: Tensor[B, C2, H, W], c: Tensor[B, C3, H, W]) -> Tensor[B, "C1 + C2 + C3", H, W]:
    return tf.cat(a, b, c, axis=1)


inception = Parallel(
    cat3,
    Conv((1, 1), 32, 16, relu),
    Chain(Conv((1, 1), 32, 8, relu), Conv((3, 3), 8, 24, relu, pad=1)),
    Chain(Conv((1, 1), 32, 4, relu), Conv((5, 5), 4, 8, relu, pad=2)),
)
model = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    inception,
    Conv((1, 1), 40, 10),  # BUG  # E: Chain layer 3 Conv((1, 1), 40 => 10) expects input Tensor[B, 40, H, W], but layer 2 Parallel(cat3, Conv((1, 1), 32 => 16, relu), Chain(Conv((1, 1), 32 => 8, relu), Conv((3, 3), 8 => 24, relu, pad=1)), Chain(Conv((1, 1), 32 => 4, relu), Conv((5, 5), 4 => 8, relu, pad=2))) produces Tensor[B, 48, H', W']; change Conv((1, 1), 40 => 10) to Conv((1, 1), 48 => 10)  [shape]
)
print(model(tf.randn(1, 3, 8, 8)).shape)
