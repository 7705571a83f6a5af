"""GroupNorm declared for the block's input channels instead of the conv's output."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, relu

block = Chain(Conv((3, 3), 16, 32, pad=1), GroupNorm(16, 4, relu))  # BUG  # E: Chain layer 2 GroupNorm(16, 4, relu) expects input Tensor[B, 16, ...], but layer 1 Conv((3, 3), 16 => 32, pad=1) produces Tensor[B, 32, H', W']; change Conv((3, 3), 16 => 32, pad=1) to Conv((3, 3), 16 => 16, pad=1)  [shape]
print(block(tf.randn(1, 16, 8, 8)).shape)
