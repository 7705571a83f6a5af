"""An inline Parallel of a pooled and an unpooled branch joined by a channel concat (a
reduction block); the unpooled branch forgot its stride."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, relu

reduction = Chain(
    Conv((3, 3), 3, 32, relu, pad=1),
    Parallel(
        lambda a, b: tf.cat(a, b, axis=1),
        MaxPool((3, 3), stride=2, pad=1),
        Conv((3, 3), 32, 32, relu, pad=1),
    ),
    Conv((1, 1), 64, 64),
)
print(reduction(tf.randn(1, 3, 16, 16)).shape)  # BUG  # E: Chain layer 2 Parallel(<lambda>, MaxPool((3, 3), stride=2, pad=1), Conv((3, 3), 32 => 32, relu, pad=1)): Sizes differ for "cat": xs[0] has Tensor[1, 32, 8, 8], xs[1] has Tensor[1, 32, 16, 16]; need equal sizes except at axis 1 (8 vs 16 at axis 2)  [shape]  # N: input to layer 2: Tensor[1, 32, 16, 16]
