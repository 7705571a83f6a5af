"""docs/design.md section 1: the model type-checks, the broken Chain is one error."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)  # a symbolic dimension (any TypeVar bound to int)

model = Chain(
    Conv((3, 3), 1, 8, relu),  # Tensor[B, 1, 28, 28] -> Tensor[B, 8, 26, 26]
    MaxPool((2, 2)),  #                      -> Tensor[B, 8, 13, 13]
    Flatten(),  #                            -> Tensor[B, 1352]
    Dense(1352, 10),  #                      -> Tensor[B, 10]
)


def predict(x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
    return model(x)


reveal_type(predict(tf.zeros(16, 1, 28, 28)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[10]]"
bad = Chain(Dense(784, 32, relu), Dense(64, 10))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]
good = Chain(Dense(784, 32, relu), Dense(32, 10))
reveal_type(Dense(784, 32))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[784], Literal[32]]"


def flatten(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
    b = x.shape[0]
    reveal_type(x.shape)  # N: Revealed type is "tuple[B, Literal[28], Literal[28]]"
    return x.reshape(b, 784)
