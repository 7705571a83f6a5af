"""A conv block normalises with the input channel count instead of the output's."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

block = Chain(Conv((3, 3), 8, 16, pad=1), BatchNorm(16, relu), Conv((3, 3), 16, 16, pad=1))
print(block(tf.randn(2, 8, 6, 6)).shape)
