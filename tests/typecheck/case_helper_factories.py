"""Helper functions that build layers from ints: ``block(3, 32)`` has the layers it builds.

A plain ``def`` whose body is one ``return`` of a layer or ``Chain`` (annotated ``-> Chain``
or not at all), called with ints known statically (literals, ``Final`` or module constants,
defaults), is typed as the layers it returns for those ints, so a model assembled from such
helpers is checked where it is built and where it is called. A helper called with an int
that is not known stays as mypy types it (never an error). The same lines fail at run time
with the same words.
"""

from typing import Final, TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, MaxPool, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
WIDTH: Final = 16


def block(cin: int, cout: int) -> Chain:
    return Chain(Conv((3, 3), cin, cout, relu, pad=1), MaxPool((2, 2)))


def conv_bn(cin: int, cout: int, stride: int = 1) -> Chain:
    """A conv and its norm."""
    return Chain(Conv((3, 3), cin, cout, pad=1, stride=stride), BatchNorm(cout, relu))


def stage(c: int):
    return Chain(conv_bn(c, 2 * c, stride=2), conv_bn(2 * c, 2 * c))


vgg = Chain(block(3, 32), block(32, 64), Flatten(), Dense(64 * 4 * 4, 10))
vgg(tf.randn(2, 3, 32, 32))  # E: Chain layer 4 Dense(1024 => 10) expects input Tensor[..., 1024], but layer 3 Flatten() produces Tensor[2, 4096]; change Dense(1024 => 10) to Dense(4096 => 10)  [shape]
vgg_fixed = Chain(block(3, 32), block(32, 64), Flatten(), Dense(64 * 8 * 8, 10))
vgg_fixed(tf.randn(2, 3, 32, 32))
stem = Chain(conv_bn(3, WIDTH), stage(WIDTH), conv_bn(WIDTH, 64))  # E: Chain layer 3 Chain(Conv((3, 3), 16 => 64, pad=1), BatchNorm(64, relu)): Chain layer 1 Conv((3, 3), 16 => 64, pad=1) expects input Tensor[B, 16, H, W], got Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]; need size 16 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]
stem_fixed = Chain(conv_bn(3, WIDTH), stage(WIDTH), conv_bn(2 * WIDTH, 64))



def residual(c: int) -> SkipConnection:
    return SkipConnection(Chain(Conv((3, 3), c, c, pad=1), Conv((1, 1), c, 2 * c)), tf.add)


def residual_fixed(c: int) -> SkipConnection:
    return SkipConnection(Chain(Conv((3, 3), c, c, pad=1), Conv((1, 1), c, c)), tf.add)


tower = Chain(Conv((3, 3), 3, 32, pad=1), residual(32))  # E: SkipConnection(Chain(Conv((3, 3), 32 => 32, pad=1), Conv((1, 1), 32 => 64)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 64, H', W'], xs[1] has Tensor[B, 32, H', W']; need equal sizes or 1 at axis -3 (64 vs 32); change Conv((1, 1), 32 => 64) to Conv((1, 1), 32 => 32), or Conv((3, 3), 32 => 32, pad=1) to Conv((3, 3), 64 => 32, pad=1)  [shape]
tower_fixed = Chain(Conv((3, 3), 3, 32, pad=1), residual_fixed(32))


@tf.shapecheck
def features(x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64, 8, 8]:
    return Chain(conv_bn(3, 32, 2), conv_bn(32, 64))(x)  # E: Return shape Tensor[B, 64, 16, 16] does not match the annotation Tensor[B, 64, 8, 8]: axis 2 is 16, expected 8  [shape]


@tf.shapecheck
def features_fixed(x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64, 8, 8]:
    return Chain(conv_bn(3, 32, 2), conv_bn(32, 64, stride=2))(x)


def unknown_width(n: int) -> None:
    Chain(block(3, n), block(32, 64))(tf.randn(1, 3, 8, 8))


features(tf.randn(2, 3, 32, 32))
features_fixed(tf.randn(2, 3, 32, 32))
unknown_width(32)
