"""Chain indexing as users write it: chain[0], chain[-1], chain.layers[i], slices, named parts
by key, a loop over the layers, a parameter read through an item, bare Chain parameters."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)

net = Chain(Dense(8, 16, relu), LayerNorm(16), Dense(16, 4))
named = Chain(enc=Dense(8, 16, relu), norm=LayerNorm(16), head=Dense(16, 4))
x = tf.zeros(2, 8)
first = net[0]
h = first(x)
tail = net[1:]
for layer in net[1:]:
    x2 = layer(tf.zeros(2, 16))
w = net[0].weight
net[2].weight
i = 1


def use(c: Chain) -> Chain:
    return c


def opt(c: Optional[Chain] = None) -> Tensor[B, 4]:
    assert c is not None
    return c(tf.zeros(2, 8))


use(net)
use(named)
