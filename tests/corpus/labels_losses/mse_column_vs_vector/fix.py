"""A regression net outputs (N, 1); the targets are a flat vector of N."""
import typedflux as tf
from typedflux import Chain, Dense, relu

net = Chain(Dense(5, 16, relu), Dense(16, 1))
x = tf.randn(8, 5)
y = tf.randn(8)
loss = tf.losses.mse(net(x), y.reshape(8, 1))
print(loss.item())
