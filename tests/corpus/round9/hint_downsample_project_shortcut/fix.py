"""A ResNet downsampling residual without a projection shortcut; the fix applies the
message's hint (a strided 1x1 conv in parallel)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, relu

down = Parallel(
    tf.add,
    Chain(Conv((3, 3), 32, 64, relu, stride=2, pad=1), Conv((3, 3), 64, 64, pad=1), BatchNorm(64)),
    Conv((1, 1), 32, 64, stride=2),
)
print(down(tf.randn(2, 32, 8, 8)).shape)
