"""A ResNet-D downsampling block in a generic function: a stride-2 conv on the main path and
an average pool then a 1x1 conv on the shortcut, summed; the classifier after the global pool
was sized for the block's input channels. The sum is correct for every even size (it runs at
8x8): undecided, not reported, its axis unknown."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, MeanPool, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
main = Chain(Conv((3, 3), 16, 32, stride=2, pad=1), BatchNorm(32))
shortcut = Chain(MeanPool((2, 2)), Conv((1, 1), 16, 32))
head = Dense(32, 10)


@tf.shapecheck
def classify(x: Tensor[B, 16, H, W]) -> Tensor[B, 10]:
    h = tf.relu(main(x) + shortcut(x))
    return head(h.mean(axis=(2, 3)))


print(classify(tf.randn(2, 16, 8, 8)).shape)
