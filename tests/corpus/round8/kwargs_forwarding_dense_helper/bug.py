"""A helper forwarding **kwargs (the activation) to Dense; the decoder's first layer takes
the encoder's input width."""
from typing import Any

import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid


def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
    return Dense(cin, cout, **kwargs)


autoencoder = Chain(
    dense(64, 16, activation=relu),
    dense(64, 64, activation=sigmoid),  # BUG  # E: Chain layer 2 Dense(64 => 64, sigmoid) expects input Tensor[..., 64], but layer 1 Dense(64 => 16, relu) produces Tensor[B, 16]; change Dense(64 => 64, sigmoid) to Dense(16 => 64, sigmoid)  [shape]
)
print(autoencoder(tf.rand(3, 64)).shape)
