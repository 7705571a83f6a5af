"""Zero sizes, empty containers, identity Chains: valid programs at the edges."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

N = TypeVar("N", bound=int)
empty = tf.zeros(0, 4)
print(Dense(4, 3)(empty).shape, (empty + tf.ones(4)).shape, empty.sum(axis=0).shape)
ident = Chain()
print(ident(tf.randn(2, 3)).shape, Dense(3, 1)(ident(tf.randn(2, 3))).shape)
z = tf.zeros(3, 0)
print(tf.cat(z, tf.ones(3, 2), axis=1).shape, z.reshape(0, 3).shape, z.T.shape)
nothing = tf.randn(5)[5:]
print(nothing.shape, tf.cat(nothing, tf.ones(2)).shape)


@tf.shapecheck
def f(x: Tensor[N, 0]) -> Tensor[0, N]:
    return x.T


print(f(tf.zeros(3, 0)).shape)
b = tf.zeros(2, 1, 4)
print((b + tf.zeros(2, 0, 4)).shape)
