"""Layers and Chain: constructors keep literal sizes; Chain checked where built and called."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, Dropout, Flatten, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)

reveal_type(Dense(784, 32))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[784], Literal[32]]"
reveal_type(Dense(16 * 5 * 5, 120, relu))  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[400], Literal[120]]"
reveal_type(Conv((3, 3), 1, 8, relu))  # N: Revealed type is "typedflux.layers.conv.Conv[Literal[1], Literal[8], Literal['kernel=3x3 stride=1x1 pad=0x0 dilation=1x1']]"
reveal_type(MaxPool((2, 2)))  # N: Revealed type is "typedflux.layers.conv.MaxPool[Literal['kernel=2x2 stride=2x2 pad=0x0 dilation=1x1']]"

bad = Chain(Dense(784, 32, relu), Dense(64, 10))  # E: Chain layer 2 Dense(64 => 10) expects input Tensor[..., 64], but layer 1 Dense(784 => 32, relu) produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]
good = Chain(Dense(784, 32, relu), Dense(32, 10))
reveal_type(good(tf.zeros(16, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[16], Literal[10]]"
wrong_input = good(tf.zeros(16, 100))  # E: Chain layer 1 Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[16, 100]; need size 784 at axis -1 (got 100)  [shape]

model = Chain(
    Conv((3, 3), 1, 8, relu),
    MaxPool((2, 2)),
    Flatten(),
    Dense(1352, 10),
)
reveal_type(model(tf.zeros(4, 1, 28, 28)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[10]]"
# Sizes after a conv depend on the input's H and W: checked when called, not when built.
cnn_unchecked = Chain(Conv((3, 3), 1, 8, relu), MaxPool((2, 2)), Flatten(), Dense(1000, 10))
wrong_channels = model(tf.zeros(4, 3, 28, 28))  # E: Chain layer 1 Conv((3, 3), 1 => 8, relu) expects input Tensor[B, 1, H, W], got Tensor[4, 3, 28, 28]; need size 1 at axis 1 (got 3)  [shape]

d = Dense(784, 32, relu)
reveal_type(d(tf.zeros(5, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[32]]"
wrong_features = d(tf.zeros(5, 700))  # E: Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[5, 700]; need size 784 at axis -1 (got 700)  [shape]
with_activation = Chain(Dense(4, 8), relu, Dropout(0.5), Dense(8, 2))
reveal_type(with_activation(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
after_activation = Chain(Dense(4, 8), relu, Dense(6, 2))  # E: Chain layer 3 Dense(6 => 2) expects input Tensor[..., 6], but layer 2 relu produces Tensor[B, 8]; change Dense(6 => 2) to Dense(8 => 2)  [shape]
# Composition that fails for every input is an error where the Chain is built.
nested = Chain(Chain(Dense(4, 8), Dense(8, 3)), Dense(5, 1))  # E: Chain layer 2 Dense(5 => 1) expects input Tensor[..., 5], but layer 1 Chain(Dense(4 => 8), Dense(8 => 3)) produces Tensor[B, 3]; change Dense(5 => 1) to Dense(3 => 1)  [shape]
# A nested Chain whose sizes depend on the input is checked where it is called.
nested_conv = Chain(Chain(Conv((3, 3), 1, 2), Flatten()), Dense(1000, 10))
nested_call = nested_conv(tf.zeros(2, 1, 8, 8))  # E: Chain layer 2 Dense(1000 => 10) expects input Tensor[..., 1000], but layer 1 Chain(Conv((3, 3), 1 => 2), Flatten()) produces Tensor[2, 72]; change Dense(1000 => 10) to Dense(72 => 10)  [shape]
reveal_type(Chain(Chain(Dense(4, 8), Dense(8, 3)), Dense(3, 1))(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[1]]"
cnn_call = cnn_unchecked(tf.zeros(4, 1, 28, 28))  # E: Chain layer 4 Dense(1000 => 10) expects input Tensor[..., 1000], but layer 3 Flatten() produces Tensor[4, 1352]; change Dense(1000 => 10) to Dense(1352 => 10)  [shape]


def predict(x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
    return model(x)


def predict_bad(x: Tensor[B, 1, 28, 28]) -> Tensor[B, 10]:
    return good(x)  # E: Chain layer 1 Dense(784 => 32, relu) expects input Tensor[..., 784], got Tensor[B, 1, 28, 28]; need size 784 at axis -1 (got 28)  [shape]


predict(tf.zeros(2, 1, 28, 28))
predict_bad(tf.zeros(2, 1, 28, 28))

autoencoder = Chain(enc=Dense(4, 2, relu), dec=Dense(2, 4))
reveal_type(autoencoder(tf.zeros(3, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
named_bad = Chain(enc=Dense(4, 2), dec=Dense(3, 4))  # E: Chain layer 2 Dense(3 => 4) expects input Tensor[..., 3], but layer 1 Dense(4 => 2) produces Tensor[B, 2]; change Dense(3 => 4) to Dense(2 => 4)  [shape]
wrong_named_input = autoencoder(tf.zeros(3, 5))  # E: Chain layer 1 Dense(4 => 2, relu) expects input Tensor[..., 4], got Tensor[3, 5]; need size 4 at axis -1 (got 5)  [shape]
after_named = Chain(autoencoder, Dense(5, 1))  # E: Chain layer 2 Dense(5 => 1) expects input Tensor[..., 5], but layer 1 Chain(enc=Dense(4 => 2, relu), dec=Dense(2 => 4)) produces Tensor[B, 4]; change Dense(5 => 1) to Dense(4 => 1)  [shape]
