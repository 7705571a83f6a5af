"""Maxout units made by a factory, then a classifier sized for the maxout's input."""
import typedflux as tf
from typedflux import Chain, Dense, Maxout

model = Chain(Maxout(lambda: Dense(12, 24), 3), Dense(12, 4))  # BUG  # E: Chain layer 2 Dense(12 => 4) expects input Tensor[..., 12], but layer 1 Maxout(Dense(12 => 24), Dense(12 => 24), Dense(12 => 24)) produces Tensor[B, 24]; change Dense(12 => 4) to Dense(24 => 4)  [shape]
print(model(tf.randn(5, 12)).shape)
