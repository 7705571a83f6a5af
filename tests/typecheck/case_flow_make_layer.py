"""A model's stages built by a method ``__init__`` calls: pytorch-cifar's ``_make_layer``.

kuangliu's ResNet builds each stage in a method of its own, carrying the width in
``self.in_planes`` from one stage to the next, the block class a parameter::

    self.layer1 = self._make_layer(BasicBlock, 16, num_blocks[0], 1)

    def _make_layer(self, block, planes, num_blocks, stride):
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for s in strides:
            layers.append(block(self.in_planes, planes, s))
            self.in_planes = planes * block.expansion
        return Chain(*layers)

A construction's run of ``__init__`` runs the method where it is called, on the same
instance (its reads and writes of ``self.in_planes`` in order), the class given as a value
(``block.expansion``, ``block(...)``), and the ``Chain(*layers)`` it returns holds each block
with what its own construction built: the model's call runs every block's body. MobileNetV2's
cfg table in a class attribute is read by the method's nested loops. Each with its fix; the same lines fail at run time with the same words.
"""

import os
from typing import List, Literal, Type, Union

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class BasicBlock:
    expansion = 1

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), in_planes, planes, stride=stride, pad=1)
        self.bn1 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, pad=1)
        self.shortcut = Chain()
        if stride != 1 or in_planes != planes:
            self.shortcut = Chain(Conv((1, 1), in_planes, planes, stride=stride), BatchNorm(planes))

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        return relu(self.conv2(out) + self.shortcut(x))


class Bottleneck:
    expansion = 4

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.conv1 = Conv((1, 1), in_planes, planes)
        self.conv2 = Conv((3, 3), planes, planes, stride=stride, pad=1)
        self.conv3 = Conv((1, 1), planes, self.expansion * planes)
        self.shortcut = Chain()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = Chain(Conv((1, 1), in_planes, self.expansion * planes, stride=stride))

    def __call__(self, x: Tensor) -> Tensor:
        out = self.conv3(relu(self.conv2(relu(self.conv1(x)))))
        return relu(out + self.shortcut(x))


class ResNet:
    def __init__(self, block: Type[Union[BasicBlock, Bottleneck]], num_blocks: List[int], head_in: int) -> None:
        self.in_planes = 8
        self.conv1 = Conv((3, 3), 3, 8, pad=1)
        self.layer1 = self._make_layer(block, 8, num_blocks[0], 1)
        self.layer2 = self._make_layer(block, 16, num_blocks[1], 2)
        self.linear = Dense(head_in, 10)

    def _make_layer(self, block: Type[Union[BasicBlock, Bottleneck]], planes: int, num_blocks: int,
                    stride: int) -> Chain:
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for s in strides:
            layers.append(block(self.in_planes, planes, s))
            self.in_planes = planes * block.expansion
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.conv1(x))
        out = self.layer2(self.layer1(out))
        return self.linear(out.mean(axis=(2, 3)))


x = tf.randn(2, 3, 8, 8)
ok: Tensor[2, 10] = ResNet(BasicBlock, [2, 2], 16)(x)
ResNet(BasicBlock, [2, 2], 64)(x)  # E: Dense(64 => 10) expects input Tensor[..., 64], got Tensor[2, 16]; need size 64 at axis -1 (got 16)  [shape]
ok4: Tensor[2, 10] = ResNet(Bottleneck, [1, 1], 64)(x)
ResNet(Bottleneck, [1, 1], 16)(x)  # E: Dense(16 => 10) expects input Tensor[..., 16], got Tensor[2, 64]; need size 16 at axis -1 (got 64)  [shape]


class NoStride:  # (the bug: the projection keeps the input's size)
    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), in_planes, planes, stride=stride, pad=1)
        self.shortcut = Chain()
        if stride != 1 or in_planes != planes:
            self.shortcut = Chain(Conv((1, 1), in_planes, planes))

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv1(x) + self.shortcut(x))


class Stages:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(8, 1)
        self.layer2 = self._make_layer(16, 2)

    def _make_layer(self, planes: int, stride: int) -> Chain:
        layers = []
        for s in [stride, 1]:
            layers.append(NoStride(self.in_planes, planes, s))
            self.in_planes = planes
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.layer2(self.layer1(x))


h = tf.randn(2, 8, 8, 8)
s1: Tensor[2, 8, 8, 8] = Stages().layer1(h)
Stages()(h)  # E: Chain layer 1 NoStride(): Cannot broadcast for "add": x has Tensor[2, 16, 4, 4], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]  # N: input to layer 1: Tensor[2, 8, 8, 8]


class Unfollowed:  # (a method called again after the construction: its width unknown)
    def __init__(self) -> None:
        self.width = 8
        self.body = self._grow(16)

    def _grow(self, w: int) -> Dense:
        d = Dense(self.width, w)
        self.width = w
        return d

    def wider(self) -> None:
        self.body = self._grow(self.width * 2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


u = Unfollowed()
uw: Literal[8] = u.width  # E: Incompatible types in assignment (expression has type "int", variable has type "Literal[8]")  [assignment]


class Grown:  # (a method only __init__ calls: what it binds is the construction's)
    def __init__(self) -> None:
        self.width = 8
        self.body = self._widen(16)
        self.head = Dense(self.width, 3)

    def _widen(self, w: int) -> Dense:
        d = Dense(self.width, w)
        self.width = w
        return d

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


g = Grown()
gw: Literal[16] = g.width
gh: Dense[16, 3] = g.head
g(tf.randn(2, 16))  # E: Dense(8 => 16) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]


class Block:
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        self.conv = Conv((3, 3), cin, cout, stride=stride, pad=1)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.conv(x))


class MobileNet:  # (a cfg table in a class attribute, read by nested loops)
    cfg = [(8, 1, 1), (12, 2, 2), (16, 1, 1)]

    def __init__(self, last: int) -> None:
        self.layers = self._make_layers(in_planes=8)
        self.conv2 = Conv((1, 1), last, 32)

    def _make_layers(self, in_planes: int) -> Chain:
        layers = []
        for out_planes, num_blocks, stride in self.cfg:
            for s in [stride] + [1] * (num_blocks - 1):
                layers.append(Block(in_planes, out_planes, s))
                in_planes = out_planes
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.conv2(self.layers(x))


m16: Tensor[2, 32, 4, 4] = MobileNet(16)(h)
MobileNet(12)(h)  # E: Conv((1, 1), 12 => 32) expects input Tensor[B, 12, H, W], got Tensor[2, 16, 4, 4]; need size 12 at axis 1 (got 16)  [shape]


class Either:  # (an if the values do not decide: one method's Chains, other blocks)
    def __init__(self, s: int) -> None:
        if os.environ.get("TYPEDFLUX_CASE_FLAG"):
            self.body = self._stage(s)
        else:
            self.body = self._stage(1)

    def _stage(self, stride: int) -> Chain:
        return Chain(Block(8, 16, stride))


e: Tensor[2, 16, 8, 8] = Either(2).body(h)


class Nested:  # (a method also called inside an expression: not followed there)
    def __init__(self) -> None:
        self.width = 8
        self.body = self._deepen(16)
        self.pair = Chain(self._deepen(32))

    def _deepen(self, w: int) -> Dense:
        d = Dense(self.width, w)
        self.width = w
        return d


nw: Literal[32] = Nested().width  # E: Incompatible types in assignment (expression has type "int", variable has type "Literal[32]")  [assignment]


class SuperBase:
    def __init__(self) -> None:
        self.in_planes = 8
        self.l1 = self._make(16)
        self.head = Dense(self.in_planes, 3)

    def _make(self, planes: int) -> Dense:
        d = Dense(self.in_planes, planes)
        self.in_planes = planes
        return d

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


class SuperSub(SuperBase):  # (an override reaching the base's method through super())
    def __init__(self) -> None:
        super().__init__()

    def _make(self, planes: int) -> Dense:
        return super()._make(planes)


SuperSub()(tf.randn(2, 16))
SuperBase()(tf.randn(2, 8))  # E: Dense(16 => 3) expects input Tensor[..., 16], got Tensor[2, 8]; need size 16 at axis -1 (got 8)  [shape]


class EarlyReturn:  # (a return inside a for: the run does not go on past the loop)
    def __init__(self) -> None:
        self.head = self._pick([16])

    def _pick(self, ws: List[int]) -> Dense:
        for w in ws:
            if w > 8:
                return Dense(8, w)
        return Dense(8, 4)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


er: Tensor[2, 16] = EarlyReturn()(tf.randn(2, 8))


class Rec:  # (a method calling itself: the inner call is not followed, the run stops)
    def __init__(self) -> None:
        self.width = 8
        self._deepen(2)
        self.head = Dense(self.width, 3)

    def _deepen(self, n: int) -> None:
        if n > 0:
            self.width = self.width + 8
            self._deepen(n - 1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


Rec()(tf.randn(2, 24))


class NestStop:  # (the outer method stops after an inner one bound self.width)
    def __init__(self, flag: bool) -> None:
        self.width = 8
        self.body = self._build(flag)
        self.head = Dense(self.width, 3)

    def _build(self, flag: bool) -> Dense:
        self._stem()
        if flag:
            return Dense(self.width, 4)
        return Dense(self.width, 5)

    def _stem(self) -> None:
        self.width = 16

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


NestStop(bool(os.environ.get("TYPEDFLUX_NO_SUCH_FLAG")))(tf.randn(2, 16))


class GrowsLater:
    def __init__(self) -> None:
        self.width = 8
        self._grow(16)

    def _grow(self, w: int) -> None:
        self.body = Dense(self.width, w)
        self.width = w

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


class Regrows:  # (another class's __init__ calls GrowsLater's method after GrowsLater is built)
    def __init__(self) -> None:
        self.b = GrowsLater()
        self.b._grow(32)

    def __call__(self, x: Tensor) -> Tensor:
        return self.b(x)


rg: Tensor[2, 32] = Regrows()(tf.randn(2, 16))
