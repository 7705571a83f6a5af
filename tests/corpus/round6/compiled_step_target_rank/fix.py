"""A training step compiled with tf.compile; the targets are a vector, the model predicts a
column."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(13)
model = Chain(Dense(4, 8, relu), Dense(8, 1))
state = tf.setup(tf.Adam(1e-2), model)
x = tf.randn(32, 4)
y = tf.randn(32, 1)
step = tf.compile(lambda m, xb, yb: tf.withgradient(lambda m: tf.losses.mse(m(xb), yb), m))
for _ in range(3):
    value, (g,) = step(model, x, y)
    state, model = tf.update(state, model, g)
print(value.item())
