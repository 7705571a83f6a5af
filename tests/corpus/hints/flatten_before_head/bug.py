"""A classifier head directly after a conv stack: the features need Flatten first."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

model = Chain(
    Conv((3, 3), 1, 4, relu, pad=1),
    MaxPool((2, 2)),
    Dense(4 * 4 * 4, 10),
)
print(model(tf.randn(2, 1, 8, 8)).shape)  # BUG  # E: Chain layer 3 Dense(64 => 10) expects input Tensor[..., 64], but layer 2 MaxPool((2, 2)) produces Tensor[2, 4, 4, 4]; insert Flatten() before Dense(64 => 10)  [shape]
