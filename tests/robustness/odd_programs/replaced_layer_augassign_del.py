"""A Chain attribute replaced by an augmented assignment-like rebinding and deleted."""
import typedflux as tf
from typedflux import Chain, Dense


class Net:
    def __init__(self) -> None:
        self.layers = Chain(Dense(4, 4))
        self.extra = Dense(4, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.layers(x)


n = Net()
n.layers = Chain(n.layers, Dense(4, 6))
del n.extra
print(n(tf.randn(2, 4)).reshape(12).shape)
