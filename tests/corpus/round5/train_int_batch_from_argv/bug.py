"""Sizes from the command line are unknown (never an error); the head after them is wrong."""
import os

import typedflux as tf
from typedflux import Chain, Dense, relu

hidden = int(os.environ.get("HIDDEN", "32"))
batch = int(os.environ.get("BATCH", "8"))
model = Chain(Dense(6, hidden, relu), Dense(hidden, 12, relu), Dense(10, 3))  # BUG  # E: Chain layer 3 Dense(10 => 3) expects input Tensor[..., 10], but layer 2 Dense(? => 12, relu) produces Tensor[B, 12]; change Dense(10 => 3) to Dense(12 => 3)  [shape]
print(model(tf.randn(batch, 6)).shape)
