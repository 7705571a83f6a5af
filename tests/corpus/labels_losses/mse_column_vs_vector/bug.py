"""A regression net outputs (N, 1); the targets are a flat vector of N."""
import typedflux as tf
from typedflux import Chain, Dense, relu

net = Chain(Dense(5, 16, relu), Dense(16, 1))
x = tf.randn(8, 5)
y = tf.randn(8)
loss = tf.losses.mse(net(x), y)  # BUG  # E: Shapes differ for "mse": prediction has Tensor[8, 1], target has Tensor[8]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[8, 1] or squeeze the prediction  [shape]
print(loss.item())
