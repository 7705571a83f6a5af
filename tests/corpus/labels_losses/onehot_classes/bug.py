"""Targets are one-hot encoded with the wrong number of classes for a 10-way classifier."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(64, 32, relu), Dense(32, 10))
x = tf.randn(6, 64)
labels = [0, 3, 8, 1, 2, 5]
y = tf.onehot(labels, 9)
loss = tf.losses.logitcrossentropy(model(x), y)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[6, 10], target has Tensor[6, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]
print(loss.item())
