"""SqueezeNet from a fire() helper: the expand branches are concatenated (2 x expand
channels), but the next fire's squeeze was sized for one branch."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def cat_channels(a: Tensor[B, C, H, W], b: Tensor[B, D, H, W]) -> Tensor[B, "C+D", H, W]:
    return tf.cat(a, b, axis=1)


def fire(cin: int, squeeze: int, expand: int) -> Chain:
    return Chain(
        Conv((1, 1), cin, squeeze, relu),
        Parallel(cat_channels, Conv((1, 1), squeeze, expand, relu),
                 Conv((3, 3), squeeze, expand, relu, pad=1)),
    )


features = Chain(
    Conv((3, 3), 3, 64, relu, stride=2),
    MaxPool((3, 3), stride=2),
    fire(64, 16, 64),
    fire(64, 16, 64),  # BUG  # E: Chain layer 4 Chain(Conv((1, 1), 64 => 16, relu), Parallel(cat_channels, Conv((1, 1), 16 => 64, relu), Conv((3, 3), 16 => 64, relu, pad=1))): Chain layer 1 Conv((1, 1), 64 => 16, relu) expects input Tensor[B, 64, H, W], got Tensor[B, 128, (H' + 1)//4 - 1, (W' + 1)//4 - 1]; need size 64 at axis 1 (got 128)  [shape]  # N: input to layer 4: Tensor[B, 128, (H' + 1)//4 - 1, (W' + 1)//4 - 1]
    MaxPool((3, 3), stride=2),
)
print(features(tf.randn(1, 3, 33, 33)).shape)
