"""Prototypical networks: each class prototype is the mean of its support shots; the mean
ran over the classes, so there is one prototype per shot."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, relu

WAY: Final = 5
SHOT: Final = 3
embed = Chain(Dense(20, 32, relu), Dense(32, 16))

support = embed(tf.randn(WAY * SHOT, 20)).reshape(WAY, SHOT, 16)
protos = support.mean(axis=0)
query = embed(tf.randn(10, 20))
logits = -((query[:, None, :] - protos[None, :, :]) ** 2).sum(axis=-1)
labels = tf.onehot([i % WAY for i in range(10)], WAY)
print(tf.losses.logitcrossentropy(logits, labels).item())  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[10, 3], target has Tensor[10, 5]; need identical shapes (no broadcasting in losses) (3 vs 5 at axis -1)  [shape]
