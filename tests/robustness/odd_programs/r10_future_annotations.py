"""from __future__ import annotations with @tf.shapecheck, Final dims, aliases, methods, nested defs."""
from __future__ import annotations

from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D: Final = 8
Feat = Tensor[B, D]


@tf.shapecheck
def proj(x: Tensor[B, D]) -> Tensor[B, "2*D"]:
    return tf.cat(x, x, axis=1)


@tf.shapecheck
def alias(x: Feat[B]) -> Tensor[B, 4]:
    return Dense(D, 4)(x)


class Model:
    def __init__(self) -> None:
        self.fc = Dense(D, 2)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, D]) -> Tensor[B, 2]:
        return self.fc(x)


print(proj(tf.randn(2, D)).shape, alias(tf.randn(2, D)).shape, Model()(tf.randn(2, D)).shape)
