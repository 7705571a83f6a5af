"""A residual block helper whose main path widens the channels: the SkipConnection cannot add
for any input, so building it for 64 channels fails."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu


def residual(c: int) -> SkipConnection:
    return SkipConnection(
        Chain(Conv((3, 3), c, c, pad=1), BatchNorm(c, relu), Conv((3, 3), c, 2 * c, pad=1)),
        tf.add,
    )


net = Chain(Conv((7, 7), 3, 64, pad=3), residual(64), residual(64))  # BUG  # E: SkipConnection(Chain(Conv((3, 3), 64 => 64, pad=1), BatchNorm(64, relu), Conv((3, 3), 64 => 128, pad=1)), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 128, H', W'], xs[1] has Tensor[B, 64, H', W']; need equal sizes or 1 at axis -3 (128 vs 64); change Conv((3, 3), 64 => 128, pad=1) to Conv((3, 3), 64 => 64, pad=1), or Conv((3, 3), 64 => 64, pad=1) to Conv((3, 3), 128 => 64, pad=1)  [shape]
print(net(tf.randn(1, 3, 16, 16)).shape)
