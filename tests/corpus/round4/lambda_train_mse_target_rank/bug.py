"""tf.train with mse: the regression targets are a vector, the model gives a column."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
model = Chain(Dense(5, 16, relu), Dense(16, 1))
x = tf.randn(32, 5)
y = tf.randn(32)
state = tf.setup(tf.Adam(1e-2), model)
history = tf.train(lambda m, a, b: tf.losses.mse(m(a), b), model, tf.DataLoader((x, y), batchsize=8), state, epochs=2, progress=False)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[?, 1], target has Tensor[?]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[?, 1] or squeeze the prediction  [shape]
print(history[-1])
