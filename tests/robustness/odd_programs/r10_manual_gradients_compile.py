"""Manual optimisation: params, named_params, gradient structures, outputsize, summary, compile."""
import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

feats = Chain(Conv((3, 3), 1, 4, relu, pad=1), MaxPool((2, 2)))
n = int(np.prod(tf.outputsize(feats, (1, 1, 8, 8))[1:]))
model = Chain(feats, Flatten(), Dense(n, 3))
x = tf.randn(5, 1, 8, 8)
y = tf.onehot([0, 1, 2, 1, 0], 3)
loss, (g,) = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)
for p, gp in zip(tf.params(model), tf.params(g)):
    assert p.shape == gp.shape
for name, p in tf.named_params(model):
    assert p.shape == dict(tf.named_params(model))[name].shape
print(tf.summary(model))
w = g.layers[2].weight
print(w.shape, g.layers[0].layers[0].bias.shape)
step = tf.compile(lambda m, xb, yb: tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(xb), yb), m))
v1, (g1,) = step(model, x, y)
v2, (g2,) = step(model, x, y)
print(float(v1.item()), float(v2.item()), step.stats())
state = tf.setup(tf.Momentum(0.01), model)
state, model = tf.update(state, model, g2)
print(model(x).shape)
