"""An inverted residual block: the pointwise projection ends at the expanded width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

block = SkipConnection(
    Chain(Conv((1, 1), 8, 32), BatchNorm(32, relu), Conv((3, 3), 32, 32, pad=1), BatchNorm(32, relu), Conv((1, 1), 32, 32), BatchNorm(32)),  # BUG  # E: SkipConnection(Chain(Conv((1, 1), 8 => 32), BatchNorm(32, relu), Conv((3, 3), 32 => 32, pad=1), BatchNorm(32, relu), Conv((1, 1), 32 => 32), BatchNorm(32)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32, H', W'], xs[1] has Tensor[B, 8, H', W']; need equal sizes or 1 at axis -3 (32 vs 8); change Conv((1, 1), 32 => 32) to Conv((1, 1), 32 => 8) and BatchNorm(32) to BatchNorm(8), or Conv((1, 1), 8 => 32) to Conv((1, 1), 32 => 32)  [shape]
    tf.add,
)
print(block(tf.randn(2, 8, 5, 5)).shape)
