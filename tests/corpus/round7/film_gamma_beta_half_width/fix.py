"""FiLM conditioning: one Dense gives gamma and beta for every channel, split in two; it was
sized for the channel count alone."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor

B = TypeVar("B", bound=int)
C: Final = 8
conv = Conv((3, 3), C, C, pad=1)
film = Dense(4, 2 * C)


def modulate(x: Tensor[B, C, 5, 5], cond: Tensor[B, 4]) -> Tensor[B, C, 5, 5]:
    gamma, beta = tf.chunk(film(cond), 2)
    return conv(x) * gamma[:, :, None, None] + beta[:, :, None, None]


print(modulate(tf.randn(2, C, 5, 5), tf.randn(2, 4)).shape)
