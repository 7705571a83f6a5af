"""A hand-written MLP loops over a list of weight matrices; after the loop x is a union."""
import typedflux as tf

weights = [tf.randn(4, 8) * 0.1, tf.randn(8, 2) * 0.1]
x = tf.randn(3, 4)
for w in weights:
    x = tf.relu(x @ w)
residual = x - tf.zeros(3, 2)
print(residual.shape)
bias = tf.zeros(2)
print((tf.randn(3, 2) + bias).shape)
