"""A PyTorch-style net with a forward method: the flattened conv features feed the classifier."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class Net:
    def __init__(self) -> None:
        self.conv1 = Conv((3, 3), 1, 8, relu)
        self.pool = MaxPool((2, 2))
        self.fc = Dense(8 * 13 * 13, 10)

    def forward(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
        h = self.pool(self.conv1(x))
        h = h.reshape(h.shape[0], -1)
        return self.fc(h)


net = Net()
print(net.forward(tf.randn(2, 1, 28, 28)).shape)
