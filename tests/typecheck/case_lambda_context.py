"""A lambda given to ``tf.gradient``, ``tf.withgradient`` or ``tf.train`` takes the types of
the arguments it is called with (the model, the tensors, a batch of a ``DataLoader`` written
in the call), so the loss inside it is checked as if written with the model itself. The run
time raises the same words on the same line; the fixed lines are clean.
"""

import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 16, relu), Dense(16, 3))
x = tf.randn(12, 4)
y10 = tf.onehot([i % 3 for i in range(12)], 10)
y3 = tf.onehot([i % 3 for i in range(12)], 3)

(g,) = tf.gradient(lambda m: tf.losses.logitcrossentropy(m(x), y10), model)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[12, 3], target has Tensor[12, 10]; need identical shapes (no broadcasting in losses) (3 vs 10 at axis -1)  [shape]
(g,) = tf.gradient(lambda m: tf.losses.logitcrossentropy(m(x), y3), model)

loss, (g, gx) = tf.withgradient(lambda m, a: tf.losses.mse(m(a), y3), model, x)
bad_x = tf.randn(12, 5)
loss, (g, gx) = tf.withgradient(lambda m, a: tf.losses.mse(m(a), y3), model, bad_x)  # E: Chain layer 1 Dense(4 => 16, relu) expects input Tensor[..., 4], got Tensor[12, 5]; need size 4 at axis -1 (got 5)  [shape]

for xb, yb in tf.DataLoader((x, y10), batchsize=4):
    loss, (g,) = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(xb), yb), model)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 3], target has Tensor[?, 10]; need identical shapes (no broadcasting in losses) (3 vs 10 at axis -1)  [shape]

state = tf.setup(tf.Adam(), model)
tf.train(lambda m, a, b: tf.losses.logitcrossentropy(m(a), b), model, tf.DataLoader((x, y10), batchsize=4), state, progress=False)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[?, 3], target has Tensor[?, 10]; need identical shapes (no broadcasting in losses) (3 vs 10 at axis -1)  [shape]
tf.train(lambda m, a, b: tf.losses.logitcrossentropy(m(a), b), model, tf.DataLoader((x, y3), batchsize=4), state, progress=False)

# A named function keeps its own type; a loader held in a variable gives batches of unknown
# shape (nothing is said about them).
def loss_fn(m: Chain, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
    return tf.losses.logitcrossentropy(m(a), b)


data = tf.DataLoader((x, y3), batchsize=4)
tf.train(loss_fn, model, data, state, progress=False)
tf.train(lambda m, a, b: tf.losses.logitcrossentropy(m(a), b), model, data, state, progress=False)
