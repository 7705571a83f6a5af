"""Accuracy with argmax over the batch axis instead of the class axis."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 8, relu), Dense(8, 3))
x = tf.randn(10, 4)
labels = tf.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
pred = model(x).argmax(axis=0)
acc = (pred == labels).mean()  # BUG  # E: Cannot broadcast for "eq": x has Tensor[3], y has Tensor[10]; need equal sizes or 1 at axis -1 (3 vs 10)  [shape]
print(acc.item())
