"""A PyTorch-style module rebinds x layer by layer and returns it; one layer is skipped."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Net:
    def __init__(self) -> None:
        self.fc1 = Dense(20, 50)
        self.fc2 = Dense(50, 30)
        self.fc3 = Dense(30, 5)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 20]) -> Tensor[B, 5]:
        x = tf.relu(self.fc1(x))
        x = tf.relu(self.fc2(x))
        return x  # BUG  # E: Return shape Tensor[B, 30] does not match the annotation Tensor[B, 5]: axis 1 is 30, expected 5  [shape]


net = Net()
print(net(tf.randn(3, 20)).shape)
