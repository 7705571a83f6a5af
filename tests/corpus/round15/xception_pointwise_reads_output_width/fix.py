"""Xception's entry flow: separable convolutions, a depthwise 3x3 conv per channel then a
pointwise 1x1 conv to the new width; in the second block the pointwise conv was given the
block's output width as its input."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MaxPool, relu

stem = Chain(Conv((3, 3), 3, 32, relu, stride=2, pad=1), Conv((3, 3), 32, 64, relu, pad=1))
block1 = Chain(Conv((3, 3), 64, 64, pad=1, groups=64), Conv((1, 1), 64, 128), BatchNorm(128), relu)
block2 = Chain(Conv((3, 3), 128, 128, pad=1, groups=128), Conv((1, 1), 128, 256), BatchNorm(256))
pool = MaxPool((3, 3), stride=2, pad=1)
print(pool(block2(block1(stem(tf.randn(2, 3, 32, 32))))).shape)
