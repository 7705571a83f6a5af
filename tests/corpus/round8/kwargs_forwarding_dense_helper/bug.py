"""A helper forwarding **kwargs (the activation) to Dense; the decoder's first layer takes
the encoder's input width."""
from typing import Any

import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid


def dense(cin: int, cout: int, **kwargs: Any) -> Dense:
    return Dense(cin, cout, **kwargs)


autoencoder = Chain(
    dense(64, 16, activation=relu),
    dense(64, 64, activation=sigmoid),  # BUG[gap flow: a layer helper forwarding **kwargs (return Dense(cin, cout, **kwargs)) keeps its declared type]
)
print(autoencoder(tf.rand(3, 64)).shape)
