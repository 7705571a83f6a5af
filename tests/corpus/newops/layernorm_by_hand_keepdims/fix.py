"""Layer normalisation written out: the statistics drop the feature axis and misbroadcast."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def layer_norm(x: Tensor[B, T, D]) -> Tensor[B, T, D]:
    mu = x.mean(axis=-1, keepdims=True)
    sd = tf.std(x, axis=-1, keepdims=True)
    return (x - mu) / (sd + 1e-5)


print(layer_norm(tf.randn(2, 3, 4)).shape)
