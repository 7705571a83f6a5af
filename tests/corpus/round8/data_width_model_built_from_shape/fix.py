"""A regression MLP sized from the data's shape; the output layer reused the input width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

x = tf.randn(50, 13)
y = tf.randn(50, 1)
n_features = x.shape[1]
model = Chain(Dense(n_features, 32, relu), Dense(32, 1))
print(tf.losses.mse(model(x), y).item())
