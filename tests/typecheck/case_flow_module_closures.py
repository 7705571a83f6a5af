"""A body reading a module-level tensor or int constant bound once: its value wherever it runs.

Performer's random features (``phi(x) = exp(x @ omega - |x|^2 / 2) / sqrt(m)``) keep the
projection in a module-level tensor and the sizes in constants unpacked from a tuple (``T,
D, M = 12, 16, 24``). A name the module binds exactly once, at module level, and never again
holds that value whenever a body reads it, so a bare def's body (and a lambda's, a layer's
``__call__``) runs with the tensor's shape and the constant's value (``math.sqrt(D)`` a
number): the call is typed by the body and a mismatch in it is reported at the call. A name
bound twice may hold another tensor by then: unknown. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

import math
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

T, D, M = 12, 16, 24
omega = tf.randn(D, M)
scale = tf.ones(M)
moved = tf.randn(D, M)


def phi(x: tf.Tensor) -> tf.Tensor:
    proj = x @ omega / math.sqrt(math.sqrt(D))
    return tf.exp(proj - (x * x).sum(axis=-1, keepdims=True) / (2 * math.sqrt(D))) / math.sqrt(M)


def scaled(x: tf.Tensor) -> tf.Tensor:
    return phi(x) * scale


def phi_moved(x: tf.Tensor) -> tf.Tensor:
    return x @ moved


x = tf.randn(T, D)
qf, kf = phi(x), phi(x)
kf.sum(axis=0) @ qf  # E: Inner dimensions differ for "matmul": x has Tensor[24], w has Tensor[12, 24]; need x.shape[-1] == w.shape[-2] (24 vs 12); did you mean to transpose w (w.T)?  [shape]
qf @ kf.sum(axis=1)  # E: Inner dimensions differ for "matmul": x has Tensor[12, 24], w has Tensor[12]; need x.shape[-1] == w.shape[-1] (24 vs 12); did you mean to transpose x (x.T)?  [shape]
normaliser = qf @ kf.sum(axis=0)
out = (qf @ (kf.T @ x)) / normaliser.reshape(T, 1)
Dense(16, 2)(out)
Dense(24, 2)(scaled(x))
phi(tf.randn(T, M))  # E: Inner dimensions differ for "matmul": x has Tensor[12, 24], w has Tensor[16, 24]; need x.shape[-1] == w.shape[-2] (24 vs 16); did you mean to transpose w (w.T)?  [shape]
Dense(3, 2)(phi_moved(x))  # (moved is bound again below: unknown here)
moved = tf.randn(D, M)


@tf.shapecheck
def features(x: Tensor[B, 16]) -> Tensor[B, 24]:
    return phi(x)


@tf.shapecheck
def features_wrong(x: Tensor[B, 24]) -> Tensor[B, 24]:
    return phi(x)  # E: Inner dimensions differ for "matmul": x has Tensor[B, 24], w has Tensor[16, 24]; need x.shape[-1] == w.shape[-2] (24 vs 16); did you mean to transpose w (w.T)?  [shape]


features(tf.randn(3, 16))
features_wrong(tf.randn(3, 24))
