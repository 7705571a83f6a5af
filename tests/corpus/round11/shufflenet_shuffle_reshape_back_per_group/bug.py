"""ShuffleNet's channel shuffle: (B, C, H, W) -> (B, g, C/g, H, W), swap the group axes, then
back to (B, C, H, W). The way back used the per-group count instead of all channels."""
import typedflux as tf
from typedflux import BatchNorm, Conv, relu

GROUPS = 3


def channel_shuffle(x: tf.Tensor, groups: int) -> tf.Tensor:
    b, c, h, w = x.shape
    x = x.reshape(b, groups, c // groups, h, w).swapaxes(1, 2)
    return x.reshape(b, c, h, w)


gconv1 = Conv((1, 1), 24, 24, groups=GROUPS)
dw = Conv((3, 3), 24, 24, pad=1, groups=24)
x = tf.randn(2, 24, 8, 8)
h = relu(BatchNorm(24)(gconv1(x)))
b, c, hh, ww = h.shape
h = h.reshape(b, GROUPS, c // GROUPS, hh, ww).swapaxes(1, 2)
h = h.reshape(b, c // GROUPS, hh, ww)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 8, 3, 8, 8], target is (2, 8, 8, 8); need equal element counts (3072 vs 1024)  [shape]
print(dw(h).shape, channel_shuffle(x, GROUPS).shape)
