"""A bare-``Tensor`` def that also takes sizes: ``sinusoidal(t, 32)``.

A diffusion model's time embedding is a plain function of the timesteps and a width (``def
sinusoidal(t: Tensor, dim: int) -> Tensor``) whose body builds with that width
(``tf.arange(dim // 2)``, ``math.log(10000.0)`` a number). Called with tensors of known shape
and ints known statically (a literal, a module constant), its body runs on both, so the call
is typed by it and the layer after it is checked. A def whose parameters are all ints (DETR's
``sine_positions(h, w, d)``: a ``h * w`` grid of ``d``-wide encodings) is typed the same way
by its run for the call's ints (``64 // 16``, a module constant), so adding it to tokens of
another grid is reported. Each with its fix, concrete and symbolic; the same lines fail at run
time with the same words.
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



def sine_positions(h: int, w: int, d: int) -> tf.Tensor:
    ys = tf.arange(h).reshape(h, 1, 1) * tf.ones(1, w, 1)
    xs = tf.arange(w).reshape(1, w, 1) * tf.ones(h, 1, 1)
    freqs = tf.exp(tf.arange(d // 4) * (-math.log(10000.0) / (d // 4)))
    pe = tf.concat([tf.sin(ys * freqs), tf.cos(ys * freqs), tf.sin(xs * freqs),
                    tf.cos(xs * freqs)], axis=-1)
    return pe.reshape(h * w, d)


tokens = tf.randn(2, 4, CH)
tokens + sine_positions(64 // 16, 64 // 16, CH)  # E: Cannot broadcast for "add": x has Tensor[2, 4, 32], y has Tensor[16, 32]; need equal sizes or 1 at axis -2 (4 vs 16)  [shape]
tokens + sine_positions(64 // 32, 64 // 32, CH)


@tf.shapecheck
def add_positions(x: Tensor[B, 4, 32]) -> Tensor[B, 4, 32]:
    return x + sine_positions(4, 4, CH)  # E: Cannot broadcast for "add": x has Tensor[B, 4, 32], y has Tensor[16, 32]; need equal sizes or 1 at axis -2 (4 vs 16)  [shape]


@tf.shapecheck
def add_positions_fixed(x: Tensor[B, 4, 32]) -> Tensor[B, 4, 32]:
    return x + sine_positions(2, 2, CH)


@tf.shapecheck
def embed(t: Tensor[B]) -> Tensor[B, 8]:
    return Dense(64, 8)(sinusoidal(t, CH))  # E: Dense(64 => 8) expects input Tensor[..., 64], got Tensor[B, 32]; need size 64 at axis -1 (got 32)  [shape]


@tf.shapecheck
def embed_fixed(t: Tensor[B]) -> Tensor[B, 8]:
    return Dense(32, 8)(sinusoidal(t, CH))


embed_fixed(tf.tensor([1.0, 2.0]))
add_positions_fixed(tf.randn(3, 4, 32))
add_positions(tf.randn(3, 4, 32))
embed(tf.tensor([1.0, 2.0]))
