"""A small CNN classifier: the Dense head directly after the pool; the fix inserts the
Flatten() the message suggests."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, pad=1),
    MaxPool((2, 2)),
    Dense(8 * 7 * 7, 10),
)
print(model(tf.randn(4, 1, 14, 14)).shape)  # BUG  # E: Chain layer 3 Dense(392 => 10) expects input Tensor[..., 392], but layer 2 MaxPool((2, 2)) produces Tensor[4, 8, 7, 7]; insert Flatten() before Dense(392 => 10)  [shape]
