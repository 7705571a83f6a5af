# mypy: allow-redefinition
"""A name rebound step by step and returned (`x = self.fc1(x); ...; return x`), as PyTorch code
is written, with the configuration the README recommends (`allow_redefinition`).

The returned name runs no hook of its own; its last assignment is checked against the return
annotation instead, and the error is reported at the `return`, in the same words as any
return. `@tf.shapecheck` raises them at run time.
"""

from typing import Iterator, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class Classifier:
    def __init__(self) -> None:
        self.conv = Conv((5, 5), 1, 6, relu)
        self.pool = MaxPool((2, 2))
        self.fc1 = Dense(6 * 12 * 12, 120)
        self.fc2 = Dense(120, 10)

    @tf.shapecheck
    def forward(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 100]:
        x = self.pool(self.conv(x))
        x = x.reshape(x.shape[0], -1)
        x = tf.relu(self.fc1(x))
        x = self.fc2(x)
        return x  # E: Return shape Tensor[B, 10] does not match the annotation Tensor[B, 100]: axis 1 is 10, expected 100  [shape]

    @tf.shapecheck
    def forward_fixed(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
        x = self.pool(self.conv(x))
        x = x.reshape(x.shape[0], -1)
        x = tf.relu(self.fc1(x))
        x = self.fc2(x)
        return x

    @tf.shapecheck
    def features(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 6, 14, 14]:
        h = self.conv(x)
        h = self.pool(h)
        print("pooled")
        return h  # E: Return shape Tensor[B, 6, 12, 12] does not match the annotation Tensor[B, 6, 14, 14]: axis 2 is 12, expected 14  [shape]

    @tf.shapecheck
    def features_fixed(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 6, 12, 12]:
        h = self.conv(x)
        h = self.pool(h)
        print("pooled")
        return h


@tf.shapecheck
def augment(x: Tensor[B, 3, 32, 32]) -> Iterator[Tensor[B, 3, 32, 32]]:
    yield x
    x = x.swapaxes(2, 3)
    yield x
    x = x.sum(axis=1, keepdims=True)
    yield x  # E: Yielded shape Tensor[B, 1, 32, 32] does not match the annotation Tensor[B, 3, 32, 32]: axis 1 is 1, expected 3  [shape]


model = Classifier()
model.forward(tf.zeros(5, 1, 28, 28))
model.forward_fixed(tf.zeros(5, 1, 28, 28))
model.features(tf.zeros(5, 1, 28, 28))
model.features_fixed(tf.zeros(5, 1, 28, 28))
list(augment(tf.zeros(5, 3, 32, 32)))
