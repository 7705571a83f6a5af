"""Labels come from a list of unknown length; the model predicts 10 classes, targets have 9."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

model = Chain(Dense(16, 32, relu), Dense(32, 10))


def batch_loss(x: Tensor[int, 16], labels: List[int]) -> Tensor[()]:
    targets = tf.onehot(labels, 10)
    return tf.losses.logitcrossentropy(model(x), targets)


print(batch_loss(tf.randn(3, 16), [1, 2, 3]).item())
