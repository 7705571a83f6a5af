"""A bottleneck block (1x1 reduce, 3x3, 1x1 expand) whose expansion does not restore the width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu


def bottleneck(channels: int, width: int) -> SkipConnection:
    return SkipConnection(
        Chain(
            Conv((1, 1), channels, width),
            BatchNorm(width, relu),
            Conv((3, 3), width, width, pad=1),
            BatchNorm(width, relu),
            Conv((1, 1), width, channels),
            BatchNorm(channels),
        ),
        tf.add,
    )


block = SkipConnection(
    Chain(
        Conv((1, 1), 64, 16),
        BatchNorm(16, relu),
        Conv((3, 3), 16, 16, pad=1),
        BatchNorm(16, relu),
        Conv((1, 1), 16, 32),  # BUG  # E: SkipConnection(Chain(Conv((1, 1), 64 => 16), BatchNorm(16, relu), Conv((3, 3), 16 => 16, pad=1), BatchNorm(16, relu), Conv((1, 1), 16 => 32), BatchNorm(32)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32, H', W'], xs[1] has Tensor[B, 64, H', W']; need equal sizes or 1 at axis -3 (32 vs 64); change Conv((1, 1), 16 => 32) to Conv((1, 1), 16 => 64) and BatchNorm(32) to BatchNorm(64), or Conv((1, 1), 64 => 16) to Conv((1, 1), 32 => 16)  [shape]
        BatchNorm(32),
    ),
    tf.add,
)
stage = Chain(block, bottleneck(64, 16))
print(stage(tf.randn(1, 64, 4, 4)).shape)
