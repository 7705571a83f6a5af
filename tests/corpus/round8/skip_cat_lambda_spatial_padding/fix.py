"""A U-Net-style skip joins a 3x3 conv's output with its input on the channels; the conv
lost its padding, so the maps differ in size."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, relu

block = Chain(
    Conv((3, 3), 3, 8, relu, pad=1),
    SkipConnection(Conv((3, 3), 8, 8, relu, pad=1), lambda mx, x: tf.cat(mx, x, axis=1)),
    Conv((1, 1), 16, 4),
)
print(block(tf.randn(1, 3, 10, 10)).shape)
