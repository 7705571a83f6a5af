"""A MobileNetV2 inverted residual: the projection back is sized for the expanded width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

block = SkipConnection(
    Chain(
        Conv((1, 1), 16, 96), BatchNorm(96, relu),
        Conv((3, 3), 96, 96, pad=1, groups=96), BatchNorm(96, relu),
        Conv((1, 1), 96, 96), BatchNorm(96),  # BUG  # E: SkipConnection(Chain(Conv((1, 1), 16 => 96), BatchNorm(96, relu), Conv((3, 3), 96 => 96, pad=1, groups=96), BatchNorm(96, relu), Conv((1, 1), 96 => 96), BatchNorm(96)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 96, H', W'], xs[1] has Tensor[B, 16, H', W']; need equal sizes or 1 at axis -3 (96 vs 16); change Conv((1, 1), 96 => 96) to Conv((1, 1), 96 => 16) and BatchNorm(96) to BatchNorm(16), or Conv((1, 1), 16 => 96) to Conv((1, 1), 96 => 96)  [shape]
    ),
    tf.add,
)
print(block(tf.randn(1, 16, 8, 8)).shape)
