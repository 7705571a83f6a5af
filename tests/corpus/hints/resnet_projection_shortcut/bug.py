"""A downsampling residual block needs a projection shortcut (as the hint proposes)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, SkipConnection, relu

main = Chain(Conv((3, 3), 8, 16, stride=2, pad=1), BatchNorm(16, relu), Conv((3, 3), 16, 16, pad=1))
block = SkipConnection(main, tf.add)  # BUG  # E: SkipConnection(Chain(Conv((3, 3), 8 => 16, stride=2, pad=1), BatchNorm(16, relu), Conv((3, 3), 16 => 16, pad=1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 16, (H' + 1)//2, (W' + 1)//2], xs[1] has Tensor[B, 8, H', W']; need equal sizes or 1 at axis -3 (16 vs 8); project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 8 => 16, stride=2))  [shape]
print(block(tf.randn(1, 8, 8, 8)).shape)
