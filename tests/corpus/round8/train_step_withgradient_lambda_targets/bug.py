"""One training step with tf.withgradient and a lambda loss; the targets are one-hot over
the wrong number of classes."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(10, 32, relu), Dense(32, 4))
state = tf.setup(tf.Adam(1e-3), model)
x = tf.randn(16, 10)
y = tf.onehot([i % 3 for i in range(16)], 3)
loss, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[16, 4], target has Tensor[16, 3]; need identical shapes (no broadcasting in losses) (4 vs 3 at axis -1)  [shape]
state, model = tf.update(state, model, grads[0])
print(loss.item())
