"""A VGG-style network written as nested multi-line Chains; one conv in the second stage
repeats the first stage's channel count."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, MaxPool, relu

vgg = Chain(
    Chain(
        Conv((3, 3), 3, 16, relu, pad=1),
        Conv((3, 3), 16, 16, relu, pad=1),
        MaxPool((2, 2)),
    ),
    Chain(
        Conv((3, 3), 16, 32, relu, pad=1),
        Conv((3, 3), 32, 32, relu, pad=1),
        MaxPool((2, 2)),
    ),
    Flatten(),
    Dense(32 * 4 * 4, 10),
)
print(vgg(tf.randn(2, 3, 16, 16)).shape)
