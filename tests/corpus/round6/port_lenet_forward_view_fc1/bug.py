"""LeNet ported from PyTorch (forward plus __call__, x.view as reshape); fc1 kept the 32x32
LeNet's 16*5*5 on 28x28 digits."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class LeNet:
    def __init__(self) -> None:
        self.conv1 = Conv((5, 5), 1, 6, relu)
        self.pool = MaxPool((2, 2))
        self.conv2 = Conv((5, 5), 6, 16, relu)
        self.fc1 = Dense(16 * 5 * 5, 120, relu)
        self.fc2 = Dense(120, 84, relu)
        self.fc3 = Dense(84, 10)

    def forward(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
        x = self.pool(self.conv1(x))
        x = self.pool(self.conv2(x))
        x = x.reshape(x.shape[0], -1)
        x = self.fc1(x)  # BUG  # E: Dense(400 => 120, relu) expects input Tensor[..., 400], got Tensor[B, 256]; need size 400 at axis -1 (got 256)  [shape]
        return self.fc3(self.fc2(x))

    def __call__(self, x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
        return self.forward(x)


net = LeNet()
print(net(tf.randn(2, 1, 28, 28)).shape)
