"""A ResNet downsampling residual without a projection shortcut; the fix applies the
message's hint (a strided 1x1 conv in parallel)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

down = SkipConnection(
    Chain(Conv((3, 3), 32, 64, relu, stride=2, pad=1), Conv((3, 3), 64, 64, pad=1), BatchNorm(64)),  # BUG  # E: SkipConnection(Chain(Conv((3, 3), 32 => 64, relu, stride=2, pad=1), Conv((3, 3), 64 => 64, pad=1), BatchNorm(64)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 64, (H' + 1)//2, (W' + 1)//2], xs[1] has Tensor[B, 32, H', W']; need equal sizes or 1 at axis -3 (64 vs 32); project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 32 => 64, stride=2))  [shape]
    tf.add,
)
print(down(tf.randn(2, 32, 8, 8)).shape)
