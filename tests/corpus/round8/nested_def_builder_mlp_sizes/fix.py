"""A model factory with a nested helper building each layer; the head is sized from the
wrong list entry."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, relu


def make_mlp(sizes: List[int], n_out: int) -> Chain:
    def layer(a: int, b: int) -> Dense:
        return Dense(a, b, relu)

    hidden = [layer(a, b) for a, b in zip(sizes, sizes[1:])]
    return Chain(*hidden, Dense(sizes[-1], n_out))


model = make_mlp([16, 64, 32], 5)
print(model(tf.randn(4, 16)).shape)
