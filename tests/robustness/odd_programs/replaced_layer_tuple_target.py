"""A layer attribute replaced through a tuple target and through setattr in a loop."""
import typedflux as tf
from typedflux import Dense


class Net:
    def __init__(self) -> None:
        self.head = Dense(8, 10)
        self.body = Dense(4, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.body(x))


net = Net()
net.head, net.body = Dense(16, 3), Dense(4, 16)
print(net(tf.randn(2, 4)).reshape(6).shape)
