"""A helper forwarding **kwargs (the activation) to Dense; the decoder's first layer takes
the encoder's input width."""
from typing import Any

import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid


def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
    return Dense(cin, cout, **kwargs)


autoencoder = Chain(
    dense(64, 16, activation=relu),
    dense(16, 64, activation=sigmoid),
)
print(autoencoder(tf.rand(3, 64)).shape)
