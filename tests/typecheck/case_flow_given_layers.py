"""A model built in a construction's argument, and a class attribute read through ``self``.

DETR builds its head around a backbone given to ``__init__``, and the backbone reads its
width from a plain class attribute::

    class Backbone:
        num_channels = 24
        def __init__(self) -> None:
            self.body = Chain(Conv((3, 3), 3, self.num_channels, relu, pad=1))

    model = DETR(Backbone())

``Backbone()`` has no argument, yet its run knows more than mypy's ``int``: the class
attribute ``num_channels = 24`` (one binding, never written: class_constants.py). A layer or
model written as the argument itself (``DETR(Backbone())``, ``LoRA(Dense(8, 16), 4)``) is
held by nothing else: the construction's run holds it as what its own construction built.
A class attribute some statement writes, or an argument given by a name, stays unknown.
The same lines fail at run time with the same words.
"""

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu


class Backbone:
    num_channels = 24

    def __init__(self) -> None:
        self.body = Chain(Conv((3, 3), 3, self.num_channels, relu, pad=1))

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


class Head:
    def __init__(self, backbone: Backbone, hidden: int = 16) -> None:
        self.backbone = backbone
        self.proj = Conv((1, 1), hidden, hidden)

    def __call__(self, x: Tensor) -> Tensor:
        return self.proj(self.backbone(x))


x = tf.randn(2, 3, 8, 8)
y: Tensor[2, 24, 8, 8] = Backbone()(x)
ok: Tensor[2, 24, 8, 8] = Head(Backbone(), 24)(x)
Head(Backbone())(x)  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[2, 24, 8, 8]; need size 16 at axis 1 (got 24)  [shape]
model = Head(Backbone())
model(x)  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[2, 24, 8, 8]; need size 16 at axis 1 (got 24)  [shape]


class Widened:  # a class attribute a statement writes: not known
    width = 24

    def __init__(self) -> None:
        self.body = Conv((3, 3), 3, self.width, pad=1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


Widened.width = 16
w: Tensor[2, 16, 8, 8] = Conv((1, 1), 16, 16)(Widened()(x))  # (24 would be a false alarm)


class LoRA:
    def __init__(self, base: Dense, r: int) -> None:
        self.base = base
        self.down = Dense(8, r)
        self.up = Dense(r, 8)

    def __call__(self, x: Tensor) -> Tensor:
        return self.base(x) + self.up(self.down(x))


h: Tensor[2, 8] = LoRA(Dense(8, 8), 4)(tf.randn(2, 8))
LoRA(Dense(8, 16), 4)(tf.randn(2, 8))  # E: Cannot broadcast for "add": x has Tensor[2, 16], y has Tensor[2, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]
