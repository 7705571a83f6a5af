"""A conv block normalises with the input channel count instead of the output's."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

block = Chain(Conv((3, 3), 8, 16, pad=1), BatchNorm(8, relu), Conv((3, 3), 16, 16, pad=1))  # BUG  # E: Chain layer 2 BatchNorm(8, relu) expects input Tensor[B, 8, ...], but layer 1 Conv((3, 3), 8 => 16, pad=1) produces Tensor[B, 16, H', W']; change BatchNorm(8, relu) to BatchNorm(16, relu)  [shape]
print(block(tf.randn(2, 8, 6, 6)).shape)
