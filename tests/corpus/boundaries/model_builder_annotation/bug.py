"""A model builder annotated with its Chain type (as examples/digits.py does) builds a head of
another width."""
from typing import Literal as L

import typedflux as tf
from typedflux import Chain, Dense, relu

MLP = Chain[Dense[L[8], L[16]], Dense[L[16], L[3]]]


def build() -> MLP:
    return Chain(Dense(8, 16, relu), Dense(16, 4))  # BUG[limit: mypy infers the Chain's layer types from the return annotation before any hook runs (docs/errors.md known limits)]  # E: Argument 2 to "Chain" has incompatible type "Dense[Literal[16], Literal[4]]"; expected "Dense[Literal[16], Literal[3]]"  [arg-type]


print(tf.losses.mse(build()(tf.randn(2, 8)), tf.zeros(2, 3)).item())
