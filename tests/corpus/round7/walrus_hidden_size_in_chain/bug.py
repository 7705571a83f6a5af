"""A hidden size bound with a walrus inside the model expression; the head reuses the
input size instead."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(6, (h := 24), relu), Dense(6, 2))  # BUG  # E: Chain layer 2 Dense(6 => 2) expects input Tensor[..., 6], but layer 1 Dense(6 => 24, relu) produces Tensor[B, 24]; change Dense(6 => 2) to Dense(24 => 2)  [shape]
print(model(tf.randn(3, 6)).shape)
