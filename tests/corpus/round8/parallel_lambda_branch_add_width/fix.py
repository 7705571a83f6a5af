"""A Parallel(tf.add, ...) whose first branch is a lambda scaling its input and whose
second widens it: the two cannot be added."""
import typedflux as tf
from typedflux import Chain, Dense, Parallel, relu

model = Chain(
    Dense(8, 16, relu),
    Parallel(tf.add, lambda h: h * 0.5, Dense(16, 16)),
    Dense(16, 3),
)
print(model(tf.randn(4, 8)).shape)
