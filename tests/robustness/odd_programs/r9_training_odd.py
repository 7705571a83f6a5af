"""Training in odd forms: tf.train over a generator of batches, withgradient of a dict model,
a compiled named step, a callback that stops early, and gradients of a tuple of models."""
from typing import Iterator, Tuple

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

tf.seed(0)
x, y = tf.randn(32, 3), tf.randn(32, 1)
model = Chain(Dense(3, 8, relu), Dense(8, 1))
state = tf.setup(tf.Adam(0.01), model)


def batches() -> Iterator[Tuple[Tensor, Tensor]]:
    for i in range(0, 32, 8):
        yield x[i:i + 8], y[i:i + 8]


losses = tf.train(lambda m, xb, yb: tf.losses.mse(m(xb), yb), model, batches(), state,
                  epochs=1, progress=False)
params = {"w": tf.randn(3, 1), "b": tf.zeros(1)}
value, (g,) = tf.withgradient(lambda p: tf.losses.mse(x @ p["w"] + p["b"], y), params)


def step(m: Chain, xb: Tensor, yb: Tensor) -> Tensor:
    return tf.losses.mse(m(xb), yb)


compiled = tf.compile(step)
v1 = compiled(model, x, y)
v2 = compiled(model, x, y)
pair = (Dense(3, 2), Dense(2, 1))
(gp,) = tf.gradient(lambda ms: tf.losses.mse(ms[1](ms[0](x)), y), pair)
print(len(losses), value.item() > 0, g["w"].shape, v1.item() == v2.item(), gp[0].weight.shape)
