"""Model classes sized by their constructor's arguments: ``MLP(6, 16, 3)`` runs ``__init__`` on
6, 16 and 3, so the instance's layers are known where it is built and where it is called.

mypy types ``self.head = Dense(hidden, n_out)`` once for every instance (``Dense[Any,
Any]``). Where an instance is traced to the call that built it (written there, or a name
bound once to it), its ``__init__`` runs on that call's ints or config (a dataclass or
NamedTuple instance), so ``m.head`` is ``Dense[16, 3]`` and ``m(x)`` follows the bare-Tensor
``__call__`` over those layers, with one or several inputs and through a loop over a list of
layers the instance holds. A build that fails only for these values is reported where the
instance is built (case_model_instances_unknown.py: what stays unknown). Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Dropout, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class MLP:
    def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
        self.body = Chain(Dense(d_in, hidden, relu), LayerNorm(hidden))
        self.head = Dense(hidden, n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


m = MLP(6, 16, 3)
y = m(tf.randn(4, 6))
y + tf.zeros(4, 4)  # E: Cannot broadcast for "add": x has Tensor[4, 3], y has Tensor[4, 4]; need equal sizes or 1 at axis -1 (3 vs 4)  [shape]
y + tf.zeros(4, 3)
m(tf.randn(4, 7))  # E: Chain layer 1 Dense(6 => 16, relu) expects input Tensor[..., 6], got Tensor[4, 7]; need size 6 at axis -1 (got 7)  [shape]
m.head(tf.randn(2, 15))  # E: Dense(16 => 3) expects input Tensor[..., 16], got Tensor[2, 15]; need size 16 at axis -1 (got 15)  [shape]
m.head(tf.randn(2, 16))
MLP(8, 32, 2)(tf.randn(4, 6))  # E: Chain layer 1 Dense(8 => 32, relu) expects input Tensor[..., 8], got Tensor[4, 6]; need size 8 at axis -1 (got 6)  [shape]
MLP(8, 32, 2)(tf.randn(4, 8))


@tf.shapecheck
def predict(x: Tensor[B, 6]) -> Tensor[B, 4]:
    return m(x)  # E: Return shape Tensor[B, 3] does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]


@tf.shapecheck
def predict_fixed(x: Tensor[B, 6]) -> Tensor[B, 3]:
    return m(x)


predict(tf.randn(2, 6))
predict_fixed(tf.randn(2, 6))


def train_step() -> None:
    model = MLP(12, 24, 2)
    model(tf.randn(3, 10))  # E: Chain layer 1 Dense(12 => 24, relu) expects input Tensor[..., 12], got Tensor[3, 10]; need size 12 at axis -1 (got 10)  [shape]
    model(tf.randn(3, 12))


train_step()


@dataclass
class Config:
    d_in: int = 10
    width: int = 32
    n_out: int = 3


class Head(NamedTuple):
    width: int
    classes: int


class Net:
    def __init__(self, cfg: Config, head: Head) -> None:
        self.width = cfg.width
        self.fc = Dense(cfg.d_in, self.width, relu)
        self.drop = Dropout(0.1)
        self.out = Dense(head.width, head.classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(self.drop(self.fc(x)))


net = Net(Config(), Head(32, 5))
net(tf.randn(2, 12))  # E: Dense(10 => 32, relu) expects input Tensor[..., 10], got Tensor[2, 12]; need size 10 at axis -1 (got 12)  [shape]
net(tf.randn(2, 10)) + tf.zeros(2, 5)
narrow = Config(width=16)
Net(narrow, Head(32, 5))(tf.randn(2, 10))  # E: Dense(32 => 5) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]
Net(narrow, Head(16, 5))(tf.randn(2, 10))


class Siamese:
    def __init__(self, d: int) -> None:
        self.tower = Chain(Dense(d, 24, relu), Dense(24, 8))

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
        return ((self.tower(a) - self.tower(b)) ** 2).sum(axis=1)


pair = Siamese(12)
pair(tf.randn(5, 12), tf.randn(5, 8))  # E: Chain layer 1 Dense(12 => 24, relu) expects input Tensor[..., 12], got Tensor[5, 8]; need size 12 at axis -1 (got 8)  [shape]
pair(tf.randn(5, 12), tf.randn(5, 12))


@tf.shapecheck
def distance(a: Tensor[B, 12], b: Tensor[B, 12]) -> Tensor[B, 8]:
    return pair(a, b)  # E: Return shape Tensor[B] does not match the annotation Tensor[B, 8]: rank is 1, expected 2  [shape]


@tf.shapecheck
def distance_fixed(a: Tensor[B, 12], b: Tensor[B, 12]) -> Tensor[B]:
    return pair(a, b)


distance(tf.randn(5, 12), tf.randn(5, 12))
distance_fixed(tf.randn(5, 12), tf.randn(5, 12))


class Stacked:
    def __init__(self, width: int, depth: int) -> None:
        self.layers = [Dense(width, 2 * width, relu), LayerNorm(2 * width)]
        for _ in range(depth):
            self.layers.append(Dense(2 * width, 2 * width, relu))
        self.layers.append(Dense(2 * width, width))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for layer in self.layers:
            x = layer(x)
        return x


stack = Stacked(8, 2)
stack(tf.randn(3, 8)) + tf.randn(3, 16)  # E: Cannot broadcast for "add": x has Tensor[3, 8], y has Tensor[3, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
stack(tf.randn(3, 8)) + tf.randn(3, 8)


@tf.shapecheck
def deep(x: Tensor[B, 8]) -> Tensor[B, 16]:
    return stack(x)  # E: Return shape Tensor[B, 8] does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]


@tf.shapecheck
def deep_fixed(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return stack(x)


deep(tf.randn(3, 8))
deep_fixed(tf.randn(3, 8))


class Pair:
    def __init__(self, a: int, b: int) -> None:
        self.net = Chain(Dense(a, b), Dense(a, b))


Pair(4, 4)
Pair(4, 8)  # E: Chain layer 2 Dense(4 => 8) expects input Tensor[..., 4], but layer 1 Dense(4 => 8) produces Tensor[B, 8]; change Dense(4 => 8) to Dense(8 => 8)  [shape]
