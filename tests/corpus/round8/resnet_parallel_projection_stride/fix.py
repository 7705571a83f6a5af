"""A ResNet downsampling block with its projection shortcut written as Parallel(tf.add,
main, shortcut); the 1x1 projection kept stride 1."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, relu

block = Parallel(
    tf.add,
    Chain(Conv((3, 3), 32, 64, stride=2, pad=1), BatchNorm(64, relu),
          Conv((3, 3), 64, 64, pad=1), BatchNorm(64)),
    Chain(Conv((1, 1), 32, 64, stride=2), BatchNorm(64)),
)
print(block(tf.randn(2, 32, 8, 8)).shape)
