"""Comprehensions whose variables shadow module layers and tensors."""
import typedflux as tf
from typedflux import Dense

x = tf.randn(2, 4)
layer = Dense(4, 6)
outs = [layer(x) for layer in [Dense(4, 3), Dense(4, 3)]]
print(tf.stack(outs).shape, layer(x).shape)
xs = [x for x in [tf.randn(2, 5), tf.randn(2, 5)]]
print(tf.concat(xs, axis=1).shape, x.shape)
