"""A layer shared twice in a Chain (weight tying across depth) between layers of other
widths."""
import typedflux as tf
from typedflux import Chain, Dense, relu

shared = Dense(16, 16, relu)
model = Chain(Dense(8, 16, relu), shared, shared, Dense(8, 4))  # BUG  # E: Chain layer 4 Dense(8 => 4) expects input Tensor[..., 8], but layer 3 Dense(16 => 16, relu) produces Tensor[B, 16]; change Dense(8 => 4) to Dense(16 => 4)  [shape]
print(model(tf.randn(3, 8)).shape)
