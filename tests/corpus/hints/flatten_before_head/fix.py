"""A classifier head directly after a conv stack: the features need Flatten first."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

model = Chain(
    Conv((3, 3), 1, 4, relu, pad=1),
    MaxPool((2, 2)), Flatten(),
    Dense(4 * 4 * 4, 10),
)
print(model(tf.randn(2, 1, 8, 8)).shape)
