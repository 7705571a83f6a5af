"""A small CNN classifier: the Dense head directly after the pool; the fix inserts the
Flatten() the message suggests."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

model = Chain(
    Conv((3, 3), 1, 8, relu, pad=1),
    MaxPool((2, 2)),
    Flatten(),
    Dense(8 * 7 * 7, 10),
)
print(model(tf.randn(4, 1, 14, 14)).shape)
