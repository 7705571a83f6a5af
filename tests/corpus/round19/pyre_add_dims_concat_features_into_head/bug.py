"""Pyre's shape arithmetic (pyre_extensions.Add[D1, D2]) on a concatenation,
concat(x: Tensor[N, D1], y: Tensor[N, D2]) -> Tensor[N, Add[D1, D2]], written as
Tensor[N, "D1 + D2"]; text and image features are joined before a classifier sized for
their sum."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

N = TypeVar("N", bound=int)
D1 = TypeVar("D1", bound=int)
D2 = TypeVar("D2", bound=int)


def concat(x: Tensor[N, D1], y: Tensor[N, D2]) -> Tensor[N, "D1 + D2"]:
    return tf.cat(x, y, axis=1)


text = Dense(12, 6)(tf.randn(3, 12))
image = Dense(20, 10)(tf.randn(3, 20))
joint = concat(text, image)
classifier = Dense(6 * 10, 4)
print(classifier(joint).shape)  # BUG  # E: Dense(60 => 4) expects input Tensor[..., 60], got Tensor[3, 16]; need size 60 at axis -1 (got 16)  [shape]
