"""Functions used as layers between Dense layers; a width changes across an activation."""
import typedflux as tf
from typedflux import Chain, Dense

mlp = Chain(Dense(10, 20), tf.relu, Dense(20, 30), tf.tanh, Dense(30, 5), tf.softmax)
print(mlp(tf.randn(3, 10)).shape)
