"""A named ``def`` given to ``tf.train``/``tf.gradient``/``tf.withgradient``: its body with the arguments' types.

The README's training script writes its loss as ``def loss(m, x, y): return
tf.losses.logitcrossentropy(m(x), y)``, unannotated, so mypy does not check its body, and
``tf.train`` calls it with the model and each batch of the data. At such a call, a plain
one-return ``def`` has its ``return`` expression inferred again with each parameter typed
as the argument it will get (the model; a batch of a ``DataLoader`` of known tensors, its
first axis unknown: ``?``), and a ``[shape]`` error only those types give is reported on
its line in the function, where the run time raises. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

tf.seed(0)
model = Chain(Dense(16, 32, relu), Dense(32, 10))
x = tf.randn(64, 16)
y9 = tf.onehot([i % 9 for i in range(64)], 9)
y10 = tf.onehot([i % 10 for i in range(64)], 10)


def loss(m, x, y):
    return tf.losses.logitcrossentropy(m(x), y)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 10], target has Tensor[?, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]


state = tf.setup(tf.Adam(1e-3), model)
tf.train(loss, model, tf.DataLoader((x, y9), batchsize=16), state, progress=False)
tf.train(loss, model, tf.DataLoader((x, y10), batchsize=16), state, progress=False)


def squared(m, x, y):
    """A docstring first is fine."""
    return tf.losses.mse(m(x), y)  # E: Shapes differ for "mse": prediction has Tensor[4, 10], target has Tensor[4, 3]; need identical shapes (no broadcasting in losses) (10 vs 3 at axis -1)  [shape]


xs, ys = tf.randn(4, 16), tf.randn(4, 3)
tf.gradient(squared, model, xs, ys)
tf.withgradient(squared, model, xs, tf.randn(4, 10))


def fit(xb: Tensor[B, 16], yb: Tensor[B, 8]) -> None:
    def closs(m, a, b):
        return tf.losses.mse(m(a), b)  # E: Shapes differ for "mse": prediction has Tensor[B, 10], target has Tensor[B, 8]; need identical shapes (no broadcasting in losses) (10 vs 8 at axis -1)  [shape]

    tf.gradient(closs, model, xb, yb)


def fit_fixed(xb: Tensor[B, 16], yb: Tensor[B, 10]) -> None:
    def closs(m, a, b):
        return tf.losses.mse(m(a), b)

    tf.gradient(closs, model, xb, yb)


fit(tf.randn(5, 16), tf.randn(5, 8))
fit_fixed(tf.randn(5, 16), tf.randn(5, 10))


# Not read here (mypy's check, silent): a body of more than one statement, a parameter
# with a default.
def longer(m, x, y):
    h = m(x)
    return tf.losses.mse(h, y)


def defaulted(m, x, y=None):
    return tf.losses.mse(m(x), y)


tf.gradient(longer, model, xs, tf.randn(4, 10))
tf.gradient(defaulted, model, xs, tf.randn(4, 10))
