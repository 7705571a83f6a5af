"""A generic dataclass batch over its size; the model's input width is not the features'."""
from dataclasses import dataclass
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)


@dataclass
class Batch(Generic[B]):
    x: Tensor[B, 8]
    y: Tensor[B, 2]


def step(model: Chain, batch: Batch[B]) -> Tensor[()]:
    return tf.losses.mse(model(batch.x), batch.y)


model = Chain(Dense(6, 16, relu), Dense(16, 2))
b = Batch(tf.randn(4, 8), tf.randn(4, 2))
print(model(b.x).shape)  # BUG  # E: Chain layer 1 Dense(6 => 16, relu) expects input Tensor[..., 6], got Tensor[4, 8]; need size 6 at axis -1 (got 8)  [shape]
print(step(model, b).item())
