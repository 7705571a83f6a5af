"""A training step takes its inputs by keyword; the images are passed unflattened."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
model = Dense(784, 10)


@tf.shapecheck
def step(*, images: Tensor[B, 784], labels: Tensor[B, 10]) -> Tensor[()]:
    return tf.losses.mse(model(images), labels)


imgs = tf.rand(8, 28, 28)
print(step(images=imgs.reshape(8, 784), labels=tf.zeros(8, 10)).item())
