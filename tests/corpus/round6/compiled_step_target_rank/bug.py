"""A training step compiled with tf.compile; the targets are a vector, the model predicts a
column."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(13)
model = Chain(Dense(4, 8, relu), Dense(8, 1))
state = tf.setup(tf.Adam(1e-2), model)
x = tf.randn(32, 4)
y = tf.randn(32)
step = tf.compile(lambda m, xb, yb: tf.withgradient(lambda m: tf.losses.mse(m(xb), yb), m))
for _ in range(3):
    value, (g,) = step(model, x, y)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[32, 1], target has Tensor[32]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[32, 1] or squeeze the prediction  [shape]
    state, model = tf.update(state, model, g)
print(value.item())
