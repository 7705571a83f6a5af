"""A downsampling residual block needs a projection shortcut (as the hint proposes)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, SkipConnection, relu

main = Chain(Conv((3, 3), 8, 16, stride=2, pad=1), BatchNorm(16, relu), Conv((3, 3), 16, 16, pad=1))
block = Parallel(tf.add, main, Conv((1, 1), 8, 16, stride=2))
print(block(tf.randn(1, 8, 8, 8)).shape)
