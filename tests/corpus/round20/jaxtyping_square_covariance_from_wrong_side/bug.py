"""jaxtyping's repeated dim ("d d" for a square matrix): whiten(x: Float[Array, "n d"],
cov: Float[Array, "d d"]) binds d from both arguments. The feature covariance of a centred batch
is x.T @ x (d x d); x @ x.T is the n x n Gram matrix."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def whiten(x: Tensor[N, D], cov: Tensor[D, D]) -> Tensor[N, D]:
    return x @ cov


feats = tf.randn(16, 5)
centred = feats - feats.mean(axis=0, keepdims=True)
cov = centred @ centred.T / 15.0
white = whiten(centred, cov)  # BUG  # E: Dim "D" differs for "whiten": argument "x" gives D = 5, argument "cov" gives D = 16; need one size for D (5 vs 16)  [shape]  # N: N=16, D=5
print(white.shape)
