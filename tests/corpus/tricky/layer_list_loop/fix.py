"""An MLP kept as a list of layers of different sizes, applied in a loop; a target is mis-sized."""
import typedflux as tf
from typedflux import Dense

layers = [Dense(4, 8), Dense(8, 8), Dense(8, 2)]
x = tf.randn(3, 4)
for layer in layers:
    x = tf.relu(layer(x))
target = tf.zeros(3, 2)
print(tf.losses.mse(Dense(8, 2)(tf.randn(3, 8)), target).item())
