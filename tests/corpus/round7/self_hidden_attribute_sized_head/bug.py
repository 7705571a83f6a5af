"""A model stores its hidden size on `self` and sizes its layers from it; the head doubles
it."""
import typedflux as tf
from typedflux import Dense, relu


class Net:
    def __init__(self, hidden: int) -> None:
        self.hidden = hidden
        self.fc1 = Dense(10, self.hidden, relu)
        self.fc2 = Dense(self.hidden * 2, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(self.fc1(x))


net = Net(32)
print(net(tf.randn(4, 10)).shape)  # BUG  # E: Dense(64 => 3) expects input Tensor[..., 64], got Tensor[4, 32]; need size 64 at axis -1 (got 32)  [shape]
