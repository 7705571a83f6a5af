"""A MobileNetV2 inverted residual whose last 1x1 conv keeps the expanded width; the fix
applies the hint (project back, with the norm after it)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

block = SkipConnection(
    Chain(
        Conv((1, 1), 16, 96), BatchNorm(96), relu,
        Conv((3, 3), 96, 96, pad=1, groups=96), BatchNorm(96), relu,
        Conv((1, 1), 96, 16), BatchNorm(16),
    ),
    tf.add,
)
print(block(tf.randn(1, 16, 8, 8)).shape)
