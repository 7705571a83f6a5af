"""A model builder annotated with its Chain type (as examples/digits.py does) builds a head of
another width."""
from typing import Literal as L

import typedflux as tf
from typedflux import Chain, Dense, relu

MLP = Chain[Dense[L[8], L[16]], Dense[L[16], L[3]]]


def build() -> MLP:
    return Chain(Dense(8, 16, relu), Dense(16, 4))  # BUG  # E: Return layer Chain(Dense(8 => 16, relu), Dense(16 => 4)) does not match the annotation Chain[Dense[8, 16], Dense[16, 3]]: layer 2 out_features is 4, expected 3  [shape]


print(tf.losses.mse(build()(tf.randn(2, 8)), tf.zeros(2, 3)).item())
