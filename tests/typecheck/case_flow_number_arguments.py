"""A bare-``Tensor`` def that also takes a ``float``: an ODE's vector field ``f(t, y)``.

A neural ODE's field takes the time as an extra feature (``f(t: float, y: Tensor)``: ``y``
with ``t`` appended as a column), and a solver step calls it several times (``rk4(y, t,
dt)``). Called with tensors of known shape, such a def's body runs on them with its
``float`` parameters a number (never a size: ``tf.full(n, 1, value=t)`` is ``Tensor[n, 1]``
whatever ``t`` holds; a number read as a size, ``y[:, :int(t)]``, is unknown), so the call is typed by its body and a mismatch in it is reported at
the call; a def that calls another such def in its body runs that one too (``rk4``'s
``f(t + dt / 2, y + dt / 2 * k1)``), and the error is reported at the outer call. Each with
its fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, tanh

B = TypeVar("B", bound=int)

field = Chain(Dense(5, 16, tanh), Dense(16, 4))


def f(t: float, y: tf.Tensor) -> tf.Tensor:
    tt = tf.full(y.shape[0], value=t)
    return field(tf.cat(y, tt, axis=-1))


def f_fixed(t: float, y: tf.Tensor) -> tf.Tensor:
    tt = tf.full(y.shape[0], 1, value=t)
    return field(tf.cat(y, tt, axis=-1))


def rk4(y: tf.Tensor, t: float, dt: float) -> tf.Tensor:
    k1 = f(t, y)
    k2 = f(t + dt / 2, y + dt / 2 * k1)
    return y + dt / 2 * (k1 + k2)


def rk4_fixed(y: tf.Tensor, t: float, dt: float) -> tf.Tensor:
    k1 = f_fixed(t, y)
    k2 = f_fixed(t + dt / 2, y + dt / 2 * k1)
    return y + dt / 2 * (k1 + k2)


y0 = tf.randn(3, 4)
f(0.5, y0)  # E: Ranks differ for "cat": xs[0] has Tensor[3, 4], xs[1] has Tensor[3]; need equal ranks (2 vs 1)  [shape]
Dense(4, 2)(f_fixed(0.5, y0))
Dense(5, 2)(f_fixed(0.5, y0))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[3, 4]; need size 5 at axis -1 (got 4)  [shape]
rk4(y0, 0.0, 0.25)  # E: Ranks differ for "cat": xs[0] has Tensor[3, 4], xs[1] has Tensor[3]; need equal ranks (2 vs 1)  [shape]
for i in range(4):
    y0 = rk4_fixed(y0, i * 0.25, 0.25)
Dense(4, 2)(rk4_fixed(tf.randn(3, 4), 0.0, 0.25))
Dense(3, 2)(rk4_fixed(tf.randn(3, 4), 0.0, 0.25))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[3, 4]; need size 3 at axis -1 (got 4)  [shape]


@tf.shapecheck
def step(y: Tensor[B, 4], t: float) -> Tensor[B, 4]:
    return rk4(y, t, 0.1)  # E: Ranks differ for "cat": xs[0] has Tensor[B, 4], xs[1] has Tensor[B]; need equal ranks (2 vs 1)  [shape]


@tf.shapecheck
def step_fixed(y: Tensor[B, 4], t: float) -> Tensor[B, 4]:
    return rk4_fixed(y, t, 0.1)


step(tf.randn(2, 4), 0.0)
step_fixed(tf.randn(2, 4), 0.0)


def first(t: float, y: tf.Tensor) -> tf.Tensor:
    n = int(t)
    return y[:, :n]


def scaled(t: float, y: tf.Tensor) -> tf.Tensor:
    return y.reshape(y.shape[0], -1) * t


Dense(2, 1)(first(2.0, tf.randn(3, 4)))
Dense(4, 1)(scaled(2.0, tf.randn(3, 4)))
