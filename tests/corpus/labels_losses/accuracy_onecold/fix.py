"""Accuracy compares predicted classes with the one-hot targets instead of their classes."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 8, relu), Dense(8, 3))
x = tf.randn(5, 4)
y = tf.onehot([0, 1, 2, 1, 0], 3)
hits = tf.onecold(model(x)) == tf.onecold(y)
print(hits.sum().item())
