"""A RealNVP affine coupling layer: the conditioner gives a scale and a shift for the second
half; it was sized for one of them."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
D: Final = 8
HALF: Final = 4
net = Chain(Dense(HALF, 32, relu), Dense(32, HALF))


def coupling(x: Tensor[B, D]) -> Tensor[B, D]:
    x1, x2 = tf.chunk(x, 2)
    s, t = tf.chunk(net(x1), 2)
    y2 = x2 * tf.exp(tf.tanh(s)) + t  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, 4], y has Tensor[B, 2]; need equal sizes or 1 at axis -1 (4 vs 2)  [shape]
    return tf.concat([x1, y2], axis=-1)


print(coupling(tf.randn(3, D)).shape)
