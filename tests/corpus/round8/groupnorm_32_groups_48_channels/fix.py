"""A ResNet block with GroupNorm's usual 32 groups on a 48-channel stage."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, SkipConnection, relu

block = SkipConnection(
    Chain(
        Conv((3, 3), 48, 48, pad=1),
        GroupNorm(48, 16, relu),
        Conv((3, 3), 48, 48, pad=1),
    ),
    tf.add,
)
print(block(tf.randn(2, 48, 8, 8)).shape)
