"""Functions used as layers between Dense layers; a width changes across an activation."""
import typedflux as tf
from typedflux import Chain, Dense

mlp = Chain(Dense(10, 20), tf.relu, Dense(20, 30), tf.tanh, Dense(20, 5), tf.softmax)  # BUG  # E: Chain layer 5 Dense(20 => 5) expects input Tensor[..., 20], but layer 4 tanh produces Tensor[B, 30]; change Dense(20 => 5) to Dense(30 => 5)  [shape]
print(mlp(tf.randn(3, 10)).shape)
