"""A typed loss helper called from the step with targets of the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def loss_fn(logits: Tensor[B, C], targets: Tensor[B, C]) -> Tensor[()]:
    return tf.losses.logitcrossentropy(logits, targets)


model = Chain(Dense(8, 16, relu), Dense(16, 3))
xb = tf.randn(10, 8)
yb = tf.onehot([i % 3 for i in range(10)], 3)
print(loss_fn(model(xb), yb).item())
