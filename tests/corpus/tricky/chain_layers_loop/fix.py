"""Layers of a Chain applied one by one in a loop (to log each activation); the data is wrong."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 8, relu), Dense(8, 8, relu), Dense(8, 2))
x = tf.randn(3, 4)
print(model(x).shape)
h = x
for layer in model.layers:
    h = layer(h)
    print(float(h.mean().item()))
y = tf.zeros(3, 2)
print(tf.losses.mse(model(x), y).item())
