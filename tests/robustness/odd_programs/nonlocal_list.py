"""A list bound once in a function but rebound by a nested function (nonlocal)."""
import typedflux as tf
from typedflux import Dense


def run(x: tf.Tensor) -> tf.Tensor:
    models = [Dense(4, 4) for _ in range(3)]

    def add() -> None:
        nonlocal models
        models = models + [Dense(4, 4)]

    add()
    y = tf.stack([m(x) for m in models], axis=1)
    return y.reshape(2, 16)


print(run(tf.randn(2, 4)).shape)
