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


model = Chain(Dense(8, 16, relu), Dense(16, 2))
b = Batch(tf.randn(4, 8), tf.randn(4, 2))
print(model(b.x).shape)
print(step(model, b).item())
