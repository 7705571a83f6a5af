"""GroupNorm declared for the block's input channels instead of the conv's output."""
import typedflux as tf
from typedflux import Chain, Conv, GroupNorm, relu

block = Chain(Conv((3, 3), 16, 32, pad=1), GroupNorm(32, 4, relu))
print(block(tf.randn(1, 16, 8, 8)).shape)
