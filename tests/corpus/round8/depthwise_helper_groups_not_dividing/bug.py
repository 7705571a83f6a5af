"""A depthwise-conv helper hard-codes 8 groups; a 12-channel stage cannot be split that
way."""
import typedflux as tf
from typedflux import Chain, Conv


def dwconv(c: int) -> Conv:
    return Conv((3, 3), c, c, pad=1, groups=8)


net = Chain(Conv((1, 1), 3, 16), dwconv(16), Conv((1, 1), 16, 12), dwconv(12))  # BUG  # E: Invalid arguments for "Conv": in_channels = 12, groups = 8; need in_channels divisible by groups (12 % 8 = 4)  [shape]
print(net(tf.randn(1, 3, 8, 8)).shape)
