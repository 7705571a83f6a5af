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
yb = tf.onehot([i % 4 for i in range(10)], 4)
print(loss_fn(model(xb), yb).item())  # BUG  # E: Dim "C" differs for "loss_fn": argument "logits" gives C = 3, argument "targets" gives C = 4; need one size for C (3 vs 4)  [shape]  # N: B=10, C=3
