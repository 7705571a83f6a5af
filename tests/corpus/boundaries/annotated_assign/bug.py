"""An autoencoder's code is annotated with the bottleneck width; the encoder ends at 64."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu, sigmoid

B = TypeVar("B", bound=int)

encoder = Chain(Dense(784, 256, relu), Dense(256, 64))
decoder = Chain(Dense(32, 256, relu), Dense(256, 784, sigmoid))


def reconstruct(x: Tensor[B, 784]) -> Tensor[B, 784]:
    code: Tensor[B, 32] = encoder(x)  # BUG  # E: Assigned shape Tensor[B, 64] does not match the annotation Tensor[B, 32] of "code": axis 1 is 64, expected 32  [shape]
    return decoder(code)


print(reconstruct(tf.rand(4, 784)).shape)
