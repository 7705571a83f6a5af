"""NamedTuple outputs, generics, containers in loops and comprehensions."""
from typing import Generic, List, NamedTuple, TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu, Flatten, MaxPool

B = TypeVar("B", bound=int)


class Output(NamedTuple):
    logits: tf.Tensor
    features: tf.Tensor


class Encoder:
    def __init__(self, widths: List[int]) -> None:
        self.layers = [Dense(a, b, relu) for a, b in zip(widths[:-1], widths[1:])]

    def __call__(self, x: tf.Tensor) -> Output:
        for layer in self.layers:
            x = layer(x)
        return Output(logits=x.sum(axis=1, keepdims=True), features=x)


enc = Encoder([8, 16, 32])
out = enc(tf.randn(4, 8))
print(out.logits.shape, out.features.shape)

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def add(self, x: T) -> T:
        self.items.append(x)
        return x


reg: Registry[Dense] = Registry()
a = reg.add(Dense(3, 4))
b = reg.add(Dense(4, 2))
print(b(a(tf.randn(2, 3))).shape)

blocks = []
c = 1
for width in (8, 16, 32):
    blocks.append(Conv((3, 3), c, width, relu, pad=1))
    blocks.append(MaxPool((2, 2)))
    c = width
cnn = Chain(*blocks, Flatten(), Dense(32, 10))
print(cnn(tf.randn(2, 1, 8, 8)).shape)

stages = [Chain(Conv((3, 3), cin, cout, relu, pad=1), MaxPool((2, 2))) for cin, cout in [(1, 4), (4, 8)]]
feat = tf.randn(2, 1, 16, 16)
for s in stages:
    feat = s(feat)
print(feat.shape)
