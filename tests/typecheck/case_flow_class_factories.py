"""Model classes built by a ``@classmethod`` factory, and sized by a class attribute.

``MLP.small()`` of a class method whose body is ``return cls(12, 16, 3)`` builds what
``MLP(12, 16, 3)`` builds: the instance is traced to that construction (flow_constructions.py),
so its ``__init__`` runs on those values and a call of it follows its ``__call__`` body with
those layers. A factory with parameters, or called on an instance or a derived class, is not
followed (mypy's types, silent). A class attribute bound once in the class body
(``expansion = 4``, ResNet's Bottleneck) is read through ``self`` while ``__init__`` runs
(``out = planes * self.expansion``), unless something may rebind it. Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


class MLP:
    def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
        self.fc1 = Dense(d_in, hidden, relu)
        self.fc2 = Dense(hidden, n_out)

    @classmethod
    def small(cls) -> "MLP":
        return cls(12, 16, 3)

    @classmethod
    def wide(cls) -> "MLP":
        """A docstring first is fine."""
        return MLP(12, 64, 3)

    @classmethod
    def sized(cls, hidden: int) -> "MLP":
        return cls(12, hidden, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(self.fc1(x))


small = MLP.small()
small(tf.randn(4, 10))  # E: Dense(12 => 16, relu) expects input Tensor[..., 12], got Tensor[4, 10]; need size 12 at axis -1 (got 10)  [shape]
out = small(tf.randn(4, 12))
Dense(16, 2)(out)  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[4, 3]; need size 16 at axis -1 (got 3)  [shape]
Dense(3, 2)(out)
MLP.wide()(tf.randn(2, 8))  # E: Dense(12 => 64, relu) expects input Tensor[..., 12], got Tensor[2, 8]; need size 12 at axis -1 (got 8)  [shape]
MLP.wide()(tf.randn(2, 12))
MLP.sized(32)(tf.randn(2, 12))


@tf.shapecheck
def classify(x: Tensor[B, 12]) -> Tensor[B, 16]:
    return small(x)  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 16]: axis 1 is 3, expected 16  [shape]


@tf.shapecheck
def classify_fixed(x: Tensor[B, 12]) -> Tensor[B, 3]:
    return small(x)


classify(tf.randn(5, 12))
classify_fixed(tf.randn(5, 12))


class Bottleneck:
    expansion = 4

    def __init__(self, inplanes: int, planes: int) -> None:
        out = planes * self.expansion
        self.body = Chain(Conv((1, 1), inplanes, planes, relu), Conv((1, 1), planes, out),
                          BatchNorm(out))
        self.shortcut = Chain(Conv((1, 1), inplanes, planes), BatchNorm(planes))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.relu(self.body(x) + self.shortcut(x))


class BottleneckFixed:
    expansion = 4

    def __init__(self, inplanes: int, planes: int) -> None:
        out = planes * self.expansion
        self.body = Chain(Conv((1, 1), inplanes, planes, relu), Conv((1, 1), planes, out),
                          BatchNorm(out))
        self.shortcut = Chain(Conv((1, 1), inplanes, out), BatchNorm(out))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.relu(self.body(x) + self.shortcut(x))


block = Bottleneck(16, 8)
block(tf.randn(2, 16, 5, 5))  # E: Cannot broadcast for "add": x has Tensor[2, 32, 5, 5], y has Tensor[2, 8, 5, 5]; need equal sizes or 1 at axis -3 (32 vs 8)  [shape]
block_fixed = BottleneckFixed(16, 8)
Dense(16, 2)(block_fixed(tf.randn(2, 16, 5, 5)).mean(axis=(2, 3)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]


@tf.shapecheck
def stage(x: Tensor[B, 16, H, W]) -> Tensor[B, 32, H, W]:
    return block(x)  # E: Cannot broadcast for "add": x has Tensor[B, 32, H, W], y has Tensor[B, 8, H, W]; need equal sizes or 1 at axis -3 (32 vs 8)  [shape]


@tf.shapecheck
def stage_fixed(x: Tensor[B, 16, H, W]) -> Tensor[B, 32, H, W]:
    return block_fixed(x)


stage(tf.randn(2, 16, 3, 3))
stage_fixed(tf.randn(2, 16, 3, 3))


# A class attribute something may rebind (here at module level, before the construction)
# is not read: silent (its class-body value would give a false alarm).
class Stretch:
    factor = 3

    def __init__(self, d: int) -> None:
        self.up = Dense(d, d * self.factor)
        self.down = Dense(2 * d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.down(self.up(x))


Stretch.factor = 2
Stretch(4)(tf.randn(3, 4))
