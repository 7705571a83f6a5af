"""A function with int parameters that builds layers and runs them, checked for a call's ints.

A builder sizes its layers by its parameters, often runs them through a nested ``def``, and
returns a tensor (``def build(d_in: int, d_h: int) -> Tensor``). mypy checks the body once
with plain ints, where nothing is wrong for every call. At a call with known ints
(``build(10, 32)``) the body runs again with the parameters holding them (flow_builders.py),
so a layer that does not fit is reported on its line in the body, with a note naming the
call. A branch on what the call does not fix stops the check: silent. Each with its fix; the
same lines fail at run time with the same words. (The sizes are the call's ints, so the
words are concrete.)
"""

from typing import Tuple

import typedflux as tf
from typedflux import Dense, Tensor, relu


def build(d_in: int, d_h: int) -> Tensor:
    embed = Dense(d_in, d_h, relu)
    mix = Dense(d_h, d_h)

    def step(h: Tensor) -> Tensor:
        return h + mix(h)

    x = tf.randn(3, d_in)
    return step(x)  # E: Dense(32 => 32) expects input Tensor[..., 32], got Tensor[3, 10]; need size 32 at axis -1 (got 10)  [shape]  # N: for the call build(10, 32) (line 41)


def build_fixed(d_in: int, d_h: int) -> Tensor:
    embed = Dense(d_in, d_h, relu)
    mix = Dense(d_h, d_h)

    def step(h: Tensor) -> Tensor:
        return h + mix(h)

    x = tf.randn(3, d_in)
    return step(embed(x))


build(10, 32)
build_fixed(10, 32)
build(16, 16)  # (d_in == d_h: this call runs)


def towers(width: int, depth: int) -> Tuple[Tensor, Tensor]:
    trunk = Dense(12, width, relu)
    x = trunk(tf.randn(4, 12))
    for _ in range(depth):
        x = Dense(width, width, relu)(x)
    head = Dense(2 * width, 1)
    return x, head(x)  # E: Dense(16 => 1) expects input Tensor[..., 16], got Tensor[4, 8]; need size 16 at axis -1 (got 8)  [shape]  # N: for the call towers(8, 2) (line 64)


def towers_fixed(width: int, depth: int) -> Tuple[Tensor, Tensor]:
    trunk = Dense(12, width, relu)
    x = trunk(tf.randn(4, 12))
    for _ in range(depth):
        x = Dense(width, width, relu)(x)
    head = Dense(width, 1)
    return x, head(x)


towers(8, 2)
towers_fixed(8, 2)


# Correct programs a check of every path would be wrong about, so silent: a branch on data
# (never taken here) that would not fit, an argument not known.
def guarded(d: int) -> Tensor:
    proj = Dense(d, d)
    x = tf.randn(2, d)
    if float(x.sum().item()) > 1e9:
        return proj(x.T)
    return proj(x)


guarded(4)
n = len(tf.randn(3).numpy().nonzero()[0]) + 10
build(n, n)
