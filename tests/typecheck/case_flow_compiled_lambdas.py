"""A lambda given to ``tf.compile``: its body is checked where the compiled step is called.

``step = tf.compile(lambda m, xb, yb: ...)`` is called like the lambda, whose parameters are
unannotated: mypy checks the body once with every parameter ``Any``. A call of the step
(``step(model, x, y)``), traced to the ``tf.compile(<lambda>)`` that built it (written
there, or a name bound once to it), infers the body again with the parameters typed as the
call's arguments; a ``[shape]`` error only those types give is reported at the call, where
the run time raises it. A step built otherwise, or a name bound twice, is not read (silent).
The same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

model = Chain(Dense(4, 8, relu), Dense(8, 1))
x = tf.randn(32, 4)
y = tf.randn(32)
y_col = tf.randn(32, 1)
step = tf.compile(lambda m, xb, yb: tf.withgradient(lambda m: tf.losses.mse(m(xb), yb), m))
value, (g,) = step(model, x, y)  # E: Shapes differ for "mse": prediction has Tensor[32, 1], target has Tensor[32]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[32, 1] or squeeze the prediction  [shape]
value, (g,) = step(model, x, y_col)

predict = tf.compile(lambda m, xb: m(xb).sum(axis=1))
predict(model, tf.randn(3, 5))  # E: Chain layer 1 Dense(4 => 8, relu) expects input Tensor[..., 4], got Tensor[3, 5]; need size 4 at axis -1 (got 5)  [shape]
predict(model, tf.randn(3, 4))


@tf.shapecheck
def loss_of(xs: Tensor[B, 4], ys: Tensor[B]) -> Tensor[()]:
    value, _ = tf.compile(lambda m, a, b: tf.withgradient(lambda m: tf.losses.mse(m(a), b), m))(model, xs, ys)  # E: Shapes differ for "mse": prediction has Tensor[B, 1], target has Tensor[B]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[B, 1] or squeeze the prediction  [shape]
    return value


@tf.shapecheck
def loss_fixed(xs: Tensor[B, 4], ys: Tensor[B, 1]) -> Tensor[()]:
    value, _ = tf.compile(lambda m, a, b: tf.withgradient(lambda m: tf.losses.mse(m(a), b), m))(model, xs, ys)
    return value


loss_of(tf.randn(8, 4), tf.randn(8))
loss_fixed(tf.randn(8, 4), tf.randn(8, 1))


# A name bound twice: which step it holds is not followed (silent; this one runs).
other = tf.compile(lambda m, xb: m(xb))
other = tf.compile(lambda m, xb: m(xb[:, :4]))
other(model, tf.randn(3, 6))
