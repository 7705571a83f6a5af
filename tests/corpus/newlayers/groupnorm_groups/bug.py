"""A U-Net block normalises with GroupNorm; 32 channels in 6 groups do not divide."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, relu

block = Chain(
    Conv((3, 3), 16, 32, pad=1),
    GroupNorm(32, 6, relu),  # BUG  # E: Invalid arguments for "GroupNorm": channels = 32, groups = 6; need channels divisible by groups (32 % 6 = 2)  [shape]
    Conv((3, 3), 32, 32, pad=1),
)
print(block(tf.randn(1, 16, 8, 8)).shape)
