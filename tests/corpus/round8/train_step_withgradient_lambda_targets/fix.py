"""One training step with tf.withgradient and a lambda loss; the targets are one-hot over
the wrong number of classes."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(10, 32, relu), Dense(32, 4))
state = tf.setup(tf.Adam(1e-3), model)
x = tf.randn(16, 10)
y = tf.onehot([i % 4 for i in range(16)], 4)
loss, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)
state, model = tf.update(state, model, grads[0])
print(loss.item())
