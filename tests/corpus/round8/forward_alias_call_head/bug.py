"""A PyTorch port that defines forward and aliases __call__ = forward; the head is sized for
the input width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Net:
    def __init__(self) -> None:
        self.fc1 = Dense(20, 64, relu)
        self.fc2 = Dense(20, 3)

    def forward(self, x: Tensor[B, 20]) -> Tensor[B, 3]:
        return self.fc2(self.fc1(x))  # BUG  # E: Dense(20 => 3) expects input Tensor[..., 20], got Tensor[B, 64]; need size 20 at axis -1 (got 64)  [shape]

    __call__ = forward


print(Net()(tf.randn(2, 20)).shape)
