"""jaxtyping's symbolic dims ("dim-1"): finite differences along time,
Float[Array, "b t"] -> Float[Array, "b t-1"], written as Tensor[B, "T - 1"]; the
differences of a 10-step signal feed a linear probe sized for them."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def differences(x: Tensor[B, T]) -> Tensor[B, "T - 1"]:
    return x[:, 1:] - x[:, :-1]


signal = tf.randn(3, 10)
probe = Dense(9, 1)
deltas = differences(signal)
print(probe(deltas).shape)
