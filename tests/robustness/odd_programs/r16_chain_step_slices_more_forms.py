"""Chain slices with steps: more forms (held, from lists, lambdas, one layer, empty)."""
from typing import List

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

layers: List = [Dense(4, 4) for _ in range(4)]
net = Chain(*layers)
print(net[::2](tf.randn(2, 4)).shape, net[::-1](tf.randn(2, 4)).shape)
one = Chain(Dense(3, 3))
print(one[::-1](tf.randn(1, 3)).shape)
lam = Chain(Dense(4, 6), lambda t: t[:, :4], Dense(4, 6), lambda t: t[:, :4])
print(lam[1::2](tf.randn(2, 6)).shape, lam[::-2](tf.randn(2, 4)).shape)
cnn = Chain(Conv((3, 3), 1, 4, pad=1), MaxPool((2, 2)), Conv((3, 3), 4, 4, pad=1), MaxPool((2, 2)), Flatten())
print(cnn[:4:2](tf.randn(1, 1, 8, 8)).shape, cnn[1::2](tf.randn(1, 4, 8, 8)).shape)


class M:
    def __init__(self) -> None:
        self.net = Chain(Dense(5, 5), relu, Dense(5, 5), relu)

    def __call__(self, x):
        return self.net[::2](x) + self.net[::-1](x)


print(M()(tf.randn(2, 5)).shape)
