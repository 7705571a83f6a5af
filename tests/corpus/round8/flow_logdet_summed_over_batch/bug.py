"""An affine coupling layer returns its log-determinant per sample; it was summed over the
batch too."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
net = Chain(Dense(4, 32, relu), Dense(32, 8))


@tf.shapecheck
def coupling(x: Tensor[B, 8]) -> Tuple[Tensor[B, 8], Tensor[B]]:
    x1, x2 = tf.chunk(x, 2, axis=1)
    s, t = tf.chunk(net(x1), 2, axis=1)
    s = tf.tanh(s)
    y = tf.concat([x1, x2 * tf.exp(s) + t], axis=1)
    return y, s.sum()  # BUG  # E: Return shape Tensor[()] (tuple item 1) does not match the annotation Tensor[B]: rank is 0, expected 1  [shape]


y, logdet = coupling(tf.randn(3, 8))
print(y.shape, logdet.shape)
