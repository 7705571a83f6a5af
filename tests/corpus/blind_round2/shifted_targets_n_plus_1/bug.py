"""Inputs and targets shifted from N+1 tokens; the loss compares against the unshifted length."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def shift(tokens: Tensor[B, "N+1"]) -> Tuple[Tensor[B, N], Tensor[B, N]]:
    return tokens[:, :-1], tokens[:, 1:]


tokens = tf.zeros(2, 9)
loss = tf.losses.mse(shift(tokens)[0], tokens)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[2, 8], target has Tensor[2, 9]; need identical shapes (no broadcasting in losses) (8 vs 9 at axis -1)  [shape]
print(loss.item())
