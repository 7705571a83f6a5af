"""A model factory with a nested helper building each layer; the head is sized from the
wrong list entry."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, relu


def make_mlp(sizes: List[int], n_out: int) -> Chain:
    def layer(a: int, b: int) -> Dense:
        return Dense(a, b, relu)

    hidden = [layer(a, b) for a, b in zip(sizes, sizes[1:])]
    return Chain(*hidden, Dense(sizes[0], n_out))


model = make_mlp([16, 64, 32], 5)  # BUG  # E: Chain layer 3 Dense(16 => 5) expects input Tensor[..., 16], but layer 2 Dense(64 => 32, relu) produces Tensor[B, 32]; change Dense(16 => 5) to Dense(32 => 5)  [shape]
print(model(tf.randn(4, 16)).shape)
