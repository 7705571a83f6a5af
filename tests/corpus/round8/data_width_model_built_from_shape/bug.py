"""A regression MLP sized from the data's shape; the output layer reused the input width."""
import typedflux as tf
from typedflux import Chain, Dense, relu

x = tf.randn(50, 13)
y = tf.randn(50, 1)
n_features = x.shape[1]
model = Chain(Dense(n_features, 32, relu), Dense(n_features, 1))  # BUG  # E: Chain layer 2 Dense(13 => 1) expects input Tensor[..., 13], but layer 1 Dense(13 => 32, relu) produces Tensor[B, 32]; change Dense(13 => 1) to Dense(32 => 1)  [shape]
print(tf.losses.mse(model(x), y).item())
