"""Sizes and layers built in loops of known length, and helpers with loops or conditions.

A ``for`` over a sequence known before run time (a literal list, ``range`` of known ints,
``zip``/``enumerate`` of such) is followed iteration by iteration: ``layers.append(...)``
in it builds a list whose ``Chain(*layers)`` has each layer's sizes, a comprehension over
``zip(sizes, sizes[1:])`` likewise, and a channel count grown in it (``c += growth``) holds
its last value after it. A helper whose body has such a loop or an ``if`` on its arguments,
called with known values, is typed as the layers it builds for them. What depends on a
value known only at run time (a ``while``, a loop over a parameter, a list passed to a
function) stays unknown: never an error. Each with its fix, concrete and symbolic; the same
lines fail at run time with the same words.
"""

from typing import Final, List, Sequence, TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
GROWTH: Final = 8

sizes = [784, 256, 128]
layers = []
for i, (cin, cout) in enumerate(zip(sizes, sizes[1:])):
    if i < len(sizes) - 2:
        layers.append(Dense(cin, cout, relu))
    else:
        layers.append(Dense(cin, cout))
encoder = Chain(*layers)
classifier = Chain(encoder, Dense(64, 10))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Chain(Dense(784 => 256, relu), Dense(256 => 128)) produces Tensor[B, 128]; change Dense(64 => 10) to Dense(128 => 10)  [shape]
classifier_fixed = Chain(encoder, Dense(128, 10))
flat = Chain(*layers, Dense(64, 10))  # E: Chain layer 3 Dense(64 => 10) expects input Tensor[..., 64], but layer 2 Dense(256 => 128) produces Tensor[B, 128]; change Dense(64 => 10) to Dense(128 => 10)  [shape]
flat_fixed = Chain(*layers, Dense(128, 10))
encoder(tf.randn(2, 768))  # E: Chain layer 1 Dense(784 => 256, relu) expects input Tensor[..., 784], got Tensor[2, 768]; need size 784 at axis -1 (got 768)  [shape]
encoder(tf.randn(2, 784))

hidden = Chain(*[Dense(a, b, relu) for a, b in zip(sizes, sizes[1:])])
hidden(tf.randn(4, 128))  # E: Chain layer 1 Dense(784 => 256, relu) expects input Tensor[..., 784], got Tensor[4, 128]; need size 784 at axis -1 (got 128)  [shape]
hidden(tf.randn(4, 784))

channels = 16
dense_block = []
for _ in range(3):
    dense_block.append(Conv((3, 3), channels, GROWTH, pad=1))
    channels += GROWTH
transition = Conv((1, 1), channels, channels // 2)
transition(tf.randn(2, 32, 8, 8))  # E: Conv((1, 1), 40 => 20) expects input Tensor[B, 40, H, W], got Tensor[2, 32, 8, 8]; need size 40 at axis 1 (got 32)  [shape]
transition(tf.randn(2, 40, 8, 8))


@tf.shapecheck
def encode(x: Tensor[B, 784]) -> Tensor[B, 64]:
    return encoder(x)  # E: Return shape Tensor[B, 128] does not match the annotation Tensor[B, 64]: axis 1 is 128, expected 64  [shape]


@tf.shapecheck
def encode_fixed(x: Tensor[B, 784]) -> Tensor[B, 128]:
    return encoder(x)


def mlp(widths: Sequence[int], last_relu: bool = False) -> Chain:
    parts = []
    for k in range(len(widths) - 1):
        last = k == len(widths) - 2
        if last and not last_relu:
            parts.append(Dense(widths[k], widths[k + 1]))
        else:
            parts.append(Dense(widths[k], widths[k + 1], relu))
    return Chain(*parts)


def stage(cin: int, cout: int, downsample: bool) -> Chain:
    if downsample:
        return Chain(Conv((3, 3), cin, cout, pad=1, stride=2), BatchNorm(cout, relu))
    return Chain(Conv((3, 3), cin, cout, pad=1), BatchNorm(cout, relu))


def stem() -> Chain:
    parts = []
    for c in (16, 32):
        parts.append(Conv((3, 3), 3 if c == 16 else 16, c, pad=1))
    return Chain(*parts)


Conv((1, 1), 16, 8)(stem()(tf.randn(2, 3, 8, 8)))  # E: Conv((1, 1), 16 => 8) expects input Tensor[B, 16, H, W], got Tensor[2, 32, 8, 8]; need size 16 at axis 1 (got 32)  [shape]
Conv((1, 1), 32, 8)(stem()(tf.randn(2, 3, 8, 8)))
head = Chain(mlp([512, 128, 32]), Dense(128, 10))  # E: Chain layer 2 Dense(128 => 10) expects input Tensor[..., 128], but layer 1 Chain(Dense(512 => 128, relu), Dense(128 => 32)) produces Tensor[B, 32]; change Dense(128 => 10) to Dense(32 => 10)  [shape]
head_fixed = Chain(mlp([512, 128, 32]), Dense(32, 10))
trunk = Chain(stage(3, 16, True), stage(16, 32, False), stage(16, 64, True))  # E: Chain layer 3 Chain(Conv((3, 3), 16 => 64, stride=2, pad=1), BatchNorm(64, relu)): Chain layer 1 Conv((3, 3), 16 => 64, stride=2, pad=1) expects input Tensor[B, 16, H, W], got Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]; need size 16 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]
trunk_fixed = Chain(stage(3, 16, True), stage(16, 32, False), stage(32, 64, True))


@tf.shapecheck
def features(x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64, 16, 16]:
    return trunk_fixed(x)  # E: Return shape Tensor[B, 64, 8, 8] does not match the annotation Tensor[B, 64, 16, 16]: axis 2 is 8, expected 16  [shape]


@tf.shapecheck
def features_fixed(x: Tensor[B, 3, 32, 32]) -> Tensor[B, 64, 8, 8]:
    return trunk_fixed(x)


WIDTHS = [32, 64, 128]


class Tower:
    def __init__(self) -> None:
        stages = []
        for cin, cout in zip(WIDTHS, WIDTHS[1:]):
            stages.append(Conv((3, 3), cin, cout, pad=1))
        self.body = Chain(*stages)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 32, 8, 8]) -> Tensor[B, 64, 8, 8]:
        return self.body(x)  # E: Return shape Tensor[B, 128, 8, 8] does not match the annotation Tensor[B, 64, 8, 8]: axis 1 is 128, expected 64  [shape]

    @tf.shapecheck
    def fixed(self, x: Tensor[B, 32, 8, 8]) -> Tensor[B, 128, 8, 8]:
        return self.body(x)


def unknown(n: int, widths: List[int]) -> None:
    grown = []
    for _ in range(n):
        grown.append(Dense(4, 4))
    Chain(Chain(*grown), Dense(5, 2))
    steps = 0
    while steps < 3:
        steps += 1
    Dense(steps, 2)(tf.randn(1, 7))
    Chain(mlp(widths), Dense(3, 2))


escaped = []
for _ in range(2):
    escaped.append(Dense(6, 6))
print(len(escaped), escaped)
Chain(Chain(*escaped), Dense(6, 2))


def widen_later() -> None:
    closed.append(Dense(6, 3))


closed: List[Dense[int, int]] = []
alias = closed
for _ in range(2):
    closed.append(Dense(3, 3))
alias.append(Dense(3, 6))
widen_later()
Chain(Chain(*closed), Dense(3, 2))
width = 4
for w in [8, 16]:
    if w > 8:
        break
    width = w
Dense(width, 2)(tf.randn(1, 8))

encode(tf.randn(2, 784))
encode_fixed(tf.randn(2, 784))
features(tf.randn(2, 3, 32, 32))
features_fixed(tf.randn(2, 3, 32, 32))
unknown(2, [4, 3])
Tower().fixed(tf.randn(2, 32, 8, 8))
Tower()(tf.randn(2, 32, 8, 8))
