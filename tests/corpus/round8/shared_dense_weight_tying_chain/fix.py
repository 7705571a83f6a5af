"""A layer shared twice in a Chain (weight tying across depth) between layers of other
widths."""
import typedflux as tf
from typedflux import Chain, Dense, relu

shared = Dense(16, 16, relu)
model = Chain(Dense(8, 16, relu), shared, shared, Dense(16, 4))
print(model(tf.randn(3, 8)).shape)
