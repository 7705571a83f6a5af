"""An attribute ``__init__`` binds twice: pytorch-cifar's ResNet ``BasicBlock``.

A residual block keeps an identity shortcut unless its stride or width changes::

    self.shortcut = Chain()
    if stride != 1 or cin != cout:
        self.shortcut = Chain(Conv((1, 1), cin, cout, stride=stride), BatchNorm(cout))

A construction's run of ``__init__`` reads both bindings in order, with the values the
construction gives: ``BasicBlock(16, 32, 2)`` holds the conv shortcut, ``BasicBlock(32, 32,
1)`` the identity, so each block's call is typed and a ResNet's stages are checked past
the first. The same for an ``if``/``else``, an unconditional second binding, and a local
rebound under an ``if`` then stored (``sc = Chain()`` ... ``self.shortcut = sc``). An ``if``
the values do not decide runs both branches: the attribute is known when they build the same
layer (sizes and all), else nothing is said of it. A binding outside ``__init__`` (a method
that swaps the shortcut) leaves it unknown. Each with its fix; the same lines fail at run
time with the same words.
"""

import random

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, SkipConnection, Tensor, relu


class BasicBlock:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), cin, cout, stride=stride, pad=1)
        self.bn1 = BatchNorm(cout)
        self.conv2 = Conv((3, 3), cout, cout, pad=1)
        self.shortcut = Chain()
        if stride != 1 or cin != cout:
            self.shortcut = Chain(Conv((1, 1), cin, cout, stride=stride), BatchNorm(cout))

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.conv2(out)
        return relu(out + self.shortcut(x))


class HalfShortcut:  # (the bug: the shortcut is half the block's width)
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), cin, cout, stride=stride, pad=1)
        self.shortcut = Chain()
        if stride != 1 or cin != cout:
            self.shortcut = Chain(Conv((1, 1), cin, cout // 2, stride=stride))

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))


x = tf.randn(2, 16, 32, 32)
y: Tensor[2, 32, 16, 16] = BasicBlock(16, 32, 2)(x)
z: Tensor[2, 16, 32, 32] = BasicBlock(16, 16)(x)
HalfShortcut(16, 16)(x)
HalfShortcut(16, 32, 2)(x)  # E: Cannot broadcast for "add": x has Tensor[2, 32, 16, 16], y has Tensor[2, 16, 16, 16]; need equal sizes or 1 at axis -3 (32 vs 16)  [shape]


stages = Chain(BasicBlock(16, 16), BasicBlock(16, 32, 2), BasicBlock(32, 64, 2), BasicBlock(64, 64))
features = tf.mean(stages(x), axis=(2, 3))
logits: Tensor[2, 10] = Dense(64, 10)(features)
Dense(32, 10)(features)  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[2, 64]; need size 32 at axis -1 (got 64)  [shape]


class IfElse:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), cin, cout, stride=stride, pad=1)
        if stride != 1 or cin != cout:
            self.shortcut = Chain(Conv((1, 1), cin, cout, stride=stride), BatchNorm(cout))
        else:
            self.shortcut = Chain()

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))


class Rebound:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), cin, cout, stride=stride, pad=1)
        self.shortcut = Chain(Conv((1, 1), cin, cout, stride=stride))
        self.shortcut = Chain(Conv((1, 1), cin, cout, stride=stride), BatchNorm(cout))

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))


class LocalShortcut:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), cin, cout, stride=stride, pad=1)
        sc = Chain()
        if stride != 1:
            sc = Chain(Conv((1, 1), cin, cout, stride=stride))
        self.shortcut = sc

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))


Dense(32, 2)(tf.mean(IfElse(16, 32, 2)(x), axis=(2, 3)))
Dense(16, 2)(tf.mean(IfElse(16, 32, 2)(x), axis=(2, 3)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(32, 2)(tf.mean(Rebound(16, 32, 2)(x), axis=(2, 3)))
Dense(16, 2)(tf.mean(Rebound(16, 32, 2)(x), axis=(2, 3)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(32, 2)(tf.mean(LocalShortcut(16, 32, 2)(x), axis=(2, 3)))
LocalShortcut(16, 32)(x)  # E: Cannot broadcast for "add": x has Tensor[2, 32, 32, 32], y has Tensor[2, 16, 32, 32]; need equal sizes or 1 at axis -3 (32 vs 16)  [shape]


class Gated:
    def __init__(self, d: int, gate: bool) -> None:
        if gate:
            self.proj = Dense(d, d)
            self.mix = Dense(d, 2 * d)
        else:
            self.proj = Dense(d, d)
            self.mix = Dense(d, d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.proj(x)

    def mixed(self, x: Tensor) -> Tensor:
        return self.mix(x)


coin = random.random() > 0.5  # (not known before the run)
Dense(8, 2)(Gated(8, coin)(tf.randn(3, 8)))
Dense(4, 2)(Gated(8, coin)(tf.randn(3, 8)))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[3, 8]; need size 4 at axis -1 (got 8)  [shape]
Dense(16, 2)(Gated(8, True).mixed(tf.randn(3, 8)))


def mixed_unknown() -> None:
    Dense(16, 2)(Gated(8, coin).mixed(tf.randn(3, 8)))  # (8 or 16 features: nothing said)
    Dense(8, 2)(Gated(8, coin).mixed(tf.randn(3, 8)))


class Swapped:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv1 = Conv((3, 3), cin, cout, pad=1)
        self.shortcut = Chain()
        if cin != cout:
            self.shortcut = Chain(Conv((1, 1), cin, cout))

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))

    def widen(self, cin: int, cout: int) -> None:
        self.shortcut = Chain(Conv((1, 1), cin, cout))  # (a binding outside __init__)


Swapped(16, 32)(x)


def swapped_unknown() -> None:
    Dense(16, 2)(tf.mean(Swapped(16, 32)(x), axis=(2, 3)))  # (32 features: nothing said)


# Branches that build the same type apart in what the type does not show (review of
# 7245650): a SkipConnection's connection (two lambdas), a model instance built with other
# sizes (the base's __init__ run in both branches). Nothing is said; each was a false
# [shape] (never is False at run time).
class Res:
    def __init__(self, d: int, keep: bool) -> None:
        if keep:
            self.res = SkipConnection(Dense(d, 2 * d), lambda mx, x: mx)
        else:
            self.res = SkipConnection(Dense(d, 2 * d), lambda mx, x: x)

    def __call__(self, x: Tensor) -> Tensor:
        return self.res(x)


class Inner:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


class Base:
    def __init__(self, d: int) -> None:
        self.blk = Inner(d)
        self.out = Dense(d, 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.blk(x)


class Net(Base):
    def __init__(self, big: bool) -> None:
        if big:
            super().__init__(16)
        else:
            super().__init__(8)


never = random.random() > 2
Dense(8, 2)(Res(8, never)(tf.randn(3, 8)))
Net(never)(tf.randn(3, 8))
