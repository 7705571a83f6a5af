"""A training step takes inputs and targets by keyword; the targets are passed unsqueezed."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

model = Chain(Dense(8, 16, relu), Dense(16, 1))


@tf.shapecheck
def step_loss(inputs: Tensor[B, 8], targets: Tensor[B, 1]) -> Tensor[()]:
    return tf.losses.mse(model(inputs), targets)


x = tf.randn(5, 8)
y = tf.randn(5)
loss = step_loss(inputs=x, targets=y)  # BUG  # E: Argument "targets" of "step_loss" has shape Tensor[5], which does not match the annotation Tensor[B, 1]: rank is 1, expected 2  [shape]  # N: B=5
print(loss.item())
