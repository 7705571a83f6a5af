"""A stage of two Inception-style blocks as nested multi-line Chains, branches joined on the
channels by a typed function; the second block's 1x1 conv after the join expects the width
of the first block's branches."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def join(a: Tensor[B, C, H, W], b: Tensor[B, D, H, W]) -> Tensor[B, "C+D", H, W]:
    return tf.concat([a, b], axis=1)


stage = Chain(
    Conv((3, 3), 3, 16, relu, pad=1),
    Chain(
        Chain(
            Parallel(join, Conv((1, 1), 16, 8, relu), Conv((3, 3), 16, 8, relu, pad=1)),
            Conv((1, 1), 16, 16, relu),
        ),
        Chain(
            Parallel(join, Conv((1, 1), 16, 8, relu), Conv((3, 3), 16, 4, relu, pad=1)),
            Conv((1, 1), 12, 16, relu),
        ),
    ),
)
print(stage(tf.randn(2, 3, 8, 8)).shape)
