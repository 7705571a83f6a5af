"""A hand-written loop with withgradient: one-hot targets for 10 classes, a 3-class model."""
import typedflux as tf
from typedflux import Chain, Dense, relu

tf.seed(0)
model = Chain(Dense(4, 16, relu), Dense(16, 3))
state = tf.setup(tf.Descent(0.1), model)
x = tf.randn(12, 4)
y = tf.onehot([i % 3 for i in range(12)], 3)
for step in range(3):
    loss, (g,) = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(x), y), model)
    tf.update(state, model, g)
print(loss.item())
