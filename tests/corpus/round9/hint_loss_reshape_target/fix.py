"""A regression head predicts (N, 1) against targets (N,); the fix reshapes the target as the
message's hint says."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(5, 16, relu), Dense(16, 1))
x = tf.randn(8, 5)
y = tf.randn(8)
loss = tf.losses.mse(model(x), y.reshape(8, 1))
print(loss.item())
