"""Odd calls of layers: subclasses, unbound calls, reduce/map, augmented matmul, Ellipsis
indexing, generator-built Chains, conditional layers, a 300-term sum, 60 nested calls."""
import functools
from typing import Any, List

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu


class MyDense(Dense):
    pass


class Twice(Dense):
    def __call__(self, x: Any) -> Any:
        return super().__call__(x) * 2


x = tf.randn(3, 4)
d = Dense(4, 4)
a1 = MyDense(4, 2)(x)
a2 = Dense.__call__(d, x)
a3 = d.__call__(x)
layers: List[Dense] = [Dense(4, 4), Dense(4, 4)]
a4 = functools.reduce(lambda h, l: l(h), layers, x)
a5 = list(map(Dense(4, 2), [x, x]))
w = tf.randn(4, 4)
y = x
y @= w
a6 = x[..., None]
a7 = x[None, ..., 0]
a8 = tf.zeros(*reversed(x.shape))
flag = True
c1 = Chain(*(Dense(4, 4) for _ in range(3)))
c2 = Chain(*(Dense(4, 4),) * 3)
c3 = Chain(Dense(4, 8), relu if flag else tf.identity, Dense(8, 2))
c4 = Chain(enc=Chain(Dense(4, 8), relu), dec=Chain(Dense(8, 4)))
a9 = c4.enc.layers[0](x)
a10 = c4.dec(c4.enc(x))
a11 = Twice(4, 4)(x)
s = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
n = tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(tf.relu(x))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
del y
y = LayerNorm(4)(x)
print(a1.shape, a2.shape, a3.shape, a4.shape, a5[0].shape, y.shape, a6.shape, a7.shape, a8.shape,
      c1(x).shape, c2(x).shape, c3(x).shape, a9.shape, a10.shape, a11.shape, s.shape, n.shape)
