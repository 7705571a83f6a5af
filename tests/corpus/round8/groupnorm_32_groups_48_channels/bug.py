"""A ResNet block with GroupNorm's usual 32 groups on a 48-channel stage."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, SkipConnection, relu

block = SkipConnection(
    Chain(
        Conv((3, 3), 48, 48, pad=1),
        GroupNorm(48, 32, relu),  # BUG  # E: Invalid arguments for "GroupNorm": channels = 48, groups = 32; need channels divisible by groups (48 % 32 = 16)  [shape]
        Conv((3, 3), 48, 48, pad=1),
    ),
    tf.add,
)
print(block(tf.randn(2, 48, 8, 8)).shape)
