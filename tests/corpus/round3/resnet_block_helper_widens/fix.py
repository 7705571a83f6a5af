"""A residual block helper whose main path widens the channels: the SkipConnection cannot add
for any input, so building it for 64 channels fails."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu


def residual(c: int) -> SkipConnection:
    return SkipConnection(
        Chain(Conv((3, 3), c, c, pad=1), BatchNorm(c, relu), Conv((3, 3), c, 2 * c, pad=1)),
        tf.add,
    )


net = Chain(Conv((7, 7), 3, 64, pad=3), Conv((1, 1), 64, 64), Conv((1, 1), 64, 64))
print(net(tf.randn(1, 3, 16, 16)).shape)
