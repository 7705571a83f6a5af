"""A bare-``Tensor`` def that also takes sizes: ``sinusoidal(t, 32)``.

A diffusion model's time embedding is a plain function of the timesteps and a width (``def
sinusoidal(t: Tensor, dim: int) -> Tensor``) whose body builds with that width
(``tf.arange(dim // 2)``, ``math.log(10000.0)`` a number). Called with tensors of known shape
and ints known statically (a literal, a module constant), its body runs on both, so the call
is typed by it and the layer after it is checked. Each with its fix, concrete and symbolic;
the same lines fail at run time with the same words.
"""

import math
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
CH = 32


def sinusoidal(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(tf.arange(half) * (-math.log(10000.0) / half))
    args = t.reshape(-1, 1) * freqs.reshape(1, half)
    return tf.concat([tf.sin(args), tf.cos(args)], axis=-1)


steps = tf.tensor([1.0, 500.0, 999.0])
Dense(4 * CH, 8)(sinusoidal(steps, CH))  # E: Dense(128 => 8) expects input Tensor[..., 128], got Tensor[3, 32]; need size 128 at axis -1 (got 32)  [shape]
Dense(CH, 8)(sinusoidal(steps, CH))
Dense(32, 8)(sinusoidal(steps, 16))  # E: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[3, 16]; need size 32 at axis -1 (got 16)  [shape]


@tf.shapecheck
def embed(t: Tensor[B]) -> Tensor[B, 8]:
    return Dense(64, 8)(sinusoidal(t, CH))  # E: Dense(64 => 8) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


@tf.shapecheck
def embed_fixed(t: Tensor[B]) -> Tensor[B, 8]:
    return Dense(32, 8)(sinusoidal(t, CH))


embed_fixed(tf.tensor([1.0, 2.0]))
embed(tf.tensor([1.0, 2.0]))
