"""A module list appended to from a function through `global`."""
import typedflux as tf
from typedflux import Dense

heads = [Dense(4, 4) for _ in range(2)]


def grow() -> None:
    global heads
    heads = heads + [Dense(4, 4)]


grow()
x = tf.randn(2, 4)
y = tf.stack([h(x) for h in heads], axis=1)
print(y.reshape(2, 12).shape)
