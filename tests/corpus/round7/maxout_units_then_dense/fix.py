"""Maxout units made by a factory, then a classifier sized for the maxout's input."""
import typedflux as tf
from typedflux import Chain, Dense, Maxout

model = Chain(Maxout(lambda: Dense(12, 24), 3), Dense(24, 4))
print(model(tf.randn(5, 12)).shape)
