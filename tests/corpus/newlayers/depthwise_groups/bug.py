"""A depthwise-separable conv: the depthwise conv's groups do not divide its output channels."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

sep = Chain(
    Conv((3, 3), 32, 48, pad=1, groups=32),  # BUG  # E: Invalid arguments for "Conv": out_channels = 48, groups = 32; need out_channels divisible by groups (48 % 32 = 16)  [shape]
    BatchNorm(48, relu),
    Conv((1, 1), 48, 64),
)
print(sep(tf.randn(1, 32, 6, 6)).shape)
