"""A U-Net-style skip joins a 3x3 conv's output with its input on the channels; the conv
lost its padding, so the maps differ in size."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, relu

block = Chain(
    Conv((3, 3), 3, 8, relu, pad=1),
    SkipConnection(Conv((3, 3), 8, 8, relu), lambda mx, x: tf.cat(mx, x, axis=1)),  # BUG  # E: SkipConnection(Conv((3, 3), 8 => 8, relu), <lambda>) cannot join its input and its layer's output: Sizes differ for "cat": xs[0] has Tensor[B, 8, H' - 2, W' - 2], xs[1] has Tensor[B, 8, H', W']; need equal sizes except at axis 1 (H' - 2 vs H' at axis 2)  [shape]
    Conv((1, 1), 16, 4),
)
print(block(tf.randn(1, 3, 10, 10)).shape)
