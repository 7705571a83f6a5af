"""Accuracy with argmax over the batch axis instead of the class axis."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 8, relu), Dense(8, 3))
x = tf.randn(10, 4)
labels = tf.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
pred = model(x).argmax(axis=1)
acc = (pred == labels).mean()
print(acc.item())
