"""Symbolic sizes in messages read as people write them: a product of sums stays factored
(``8*(H - 2)*(W - 2)``, ``8*(H' - 2)*(W' - 2)`` where a Chain is built), through one printer
for the run time and the checker (typedflux/shapes/dim_text.py). Fixes clean; the run time
raises the same words (the calls at the bottom).
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, LSTM, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

conv = Conv((3, 3), 1, 8)


@tf.shapecheck
def features(x: Tensor[B, 1, H, W]) -> Tensor[B, "8*H*W"]:
    return tf.flatten(conv(x))  # E: Return shape Tensor[B, 8*(H - 2)*(W - 2)] does not match the annotation Tensor[B, 8*H*W]: axis 1 is 8*(H - 2)*(W - 2), expected 8*H*W  [shape]


@tf.shapecheck
def features_fixed(x: Tensor[B, 1, H, W]) -> Tensor[B, "8*(H - 2)*(W - 2)"]:
    return tf.flatten(conv(x))


built = Chain(Conv((3, 3), 1, 8), Flatten(), LSTM(8, 4))  # E: Chain layer 3 LSTM(8 => 4) expects input Tensor[B, T, 8], but layer 2 Flatten() produces Tensor[B, 8*(H' - 2)*(W' - 2)]  [shape]
built_fixed = Chain(Conv((3, 3), 1, 8), Flatten(), Dense(8 * 6 * 6, 4))

x = tf.zeros(2, 1, 8, 8)
features(x)
features_fixed(x)
built_fixed(x)
