"""An inline Parallel of a pooled and an unpooled branch joined by a channel concat (a
reduction block); the unpooled branch forgot its stride."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, relu

reduction = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    Parallel(
        lambda a, b: tf.cat(a, b, axis=1),
        MaxPool((3, 3), stride=2, pad=1),
        Conv((3, 3), 32, 32, relu, stride=2, pad=1),
    ),
    Conv((1, 1), 64, 64),
)
print(reduction(tf.randn(1, 3, 16, 16)).shape)
