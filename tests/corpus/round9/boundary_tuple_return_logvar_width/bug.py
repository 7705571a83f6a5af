"""A VAE encoder returns (mu, logvar), each of the latent width; the log-variance head was
built with the hidden width."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)
LATENT = 8
hidden = Dense(32, 64, relu)
to_mu = Dense(64, 8)
to_logvar = Dense(64, 64)


@tf.shapecheck
def encode(x: Tensor[B, 32]) -> Tuple[Tensor[B, 8], Tensor[B, 8]]:
    h = hidden(x)
    return to_mu(h), to_logvar(h)  # BUG  # E: Return shape Tensor[B, 64] (tuple item 1) does not match the annotation Tensor[B, 8]: axis 1 is 64, expected 8  [shape]


mu, logvar = encode(tf.randn(4, 32))
print(mu.shape, logvar.shape)
