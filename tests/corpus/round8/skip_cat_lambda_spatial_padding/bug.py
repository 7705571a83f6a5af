"""A U-Net-style skip joins a 3x3 conv's output with its input on the channels; the conv
lost its padding, so the maps differ in size."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, relu

block = Chain(
    Conv((3, 3), 3, 8, relu, pad=1),
    SkipConnection(Conv((3, 3), 8, 8, relu), lambda mx, x: tf.cat(mx, x, axis=1)),
    Conv((1, 1), 16, 4),
)
print(block(tf.randn(1, 3, 10, 10)).shape)  # BUG  # E: Chain layer 2 SkipConnection(Conv((3, 3), 8 => 8, relu), <lambda>): Sizes differ for "cat": xs[0] has Tensor[1, 8, 8, 8], xs[1] has Tensor[1, 8, 10, 10]; need equal sizes except at axis 1 (8 vs 10 at axis 2)  [shape]  # N: input to layer 2: Tensor[1, 8, 10, 10]
