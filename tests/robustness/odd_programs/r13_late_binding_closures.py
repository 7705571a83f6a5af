"""Late binding: closures and lambdas see a name's last binding, not the one at definition."""
from typing import Callable, List

import typedflux as tf
from typedflux import Dense

x = tf.randn(3, 4)

fs = [lambda t: Dense(4, w)(t) for w in (8, 16)]
print(Dense(16, 2)(fs[0](x)).shape)


def make() -> Callable[[tf.Tensor], tf.Tensor]:
    layer = Dense(4, 8)

    def f(t: tf.Tensor) -> tf.Tensor:
        return layer(t)

    layer = Dense(4, 16)
    return f


g = make()
print(Dense(16, 2)(g(x)).shape)

width = 8
h = lambda t: Dense(4, width)(t)
width = 16
print(Dense(16, 2)(h(x)).shape)

layers: List[Callable[[tf.Tensor], tf.Tensor]] = []
for w in (8, 16):
    def k(t: tf.Tensor) -> tf.Tensor:
        return Dense(4, w)(t)
    layers.append(k)
print(Dense(16, 2)(layers[0](x)).shape)

proj = Dense(4, 8)


def use(t: tf.Tensor) -> tf.Tensor:
    return proj(t)


proj = Dense(4, 16)
print(Dense(16, 2)(use(x)).shape)
