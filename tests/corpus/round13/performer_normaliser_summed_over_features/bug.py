"""Performer's linear attention: with random features phi(q), phi(k) of size m, the output is
phi(q) @ (phi(k).T @ v) divided by phi(q) @ phi(k).sum(over tokens); the normaliser summed
phi(k) over its feature axis."""
import math

import typedflux as tf
from typedflux import Dense

T, D, M = 12, 16, 24
omega = tf.randn(D, M)
wq, wk, wv = Dense(D, D), Dense(D, D), Dense(D, D)


def phi(x: tf.Tensor) -> tf.Tensor:
    proj = x @ omega / math.sqrt(math.sqrt(D))
    return tf.exp(proj - (x * x).sum(axis=-1, keepdims=True) / (2 * math.sqrt(D))) / math.sqrt(M)


x = tf.randn(T, D)
qf, kf, v = phi(wq(x)), phi(wk(x)), wv(x)
kv = kf.T @ v
normaliser = qf @ kf.sum(axis=1)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[12, 24], w has Tensor[12]; need x.shape[-1] == w.shape[-1] (24 vs 12); did you mean to transpose x (x.T)?  [shape]
out = (qf @ kv) / normaliser.reshape(T, 1)
print(out.shape)
