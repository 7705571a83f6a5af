"""A ResNet stage's downsampling block adds its input to a strided, widened path."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Parallel, SkipConnection, relu

main_path = Chain(
    Conv((3, 3), 16, 32, stride=2, pad=1),
    BatchNorm(32, relu),
    Conv((3, 3), 32, 32, pad=1),
    BatchNorm(32),
)
block = SkipConnection(main_path, tf.add)  # BUG  # E: SkipConnection(Chain(Conv((3, 3), 16 => 32, stride=2, pad=1), BatchNorm(32, relu), Conv((3, 3), 32 => 32, pad=1), BatchNorm(32)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32, (H' + 1)//2, (W' + 1)//2], xs[1] has Tensor[B, 16, H', W']; need equal sizes or 1 at axis -3 (32 vs 16); project the shortcut: Parallel(add, <the layer>, Conv((1, 1), 16 => 32, stride=2))  [shape]
y = block(tf.randn(2, 16, 8, 8))
print(y.shape)
