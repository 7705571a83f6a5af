"""HRNet's fuse layer: the low-resolution branch (2C channels, half the size) goes through a
1x1 conv to C channels and a nearest upsample before it is added to the high-resolution
branch; the 1x1 conv was left out."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Upsample, relu

C = 16
high = Chain(Conv((3, 3), C, C, pad=1), BatchNorm(C), relu)
low = Chain(Conv((3, 3), C, 2 * C, stride=2, pad=1), BatchNorm(2 * C), relu)
up = Chain(Upsample(scale=2))
down = Chain(Conv((3, 3), C, 2 * C, stride=2, pad=1), BatchNorm(2 * C))
x = tf.randn(2, C, 16, 16)
h, l = high(x), low(x)
fused_high = relu(h + up(l))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 16, 16], y has Tensor[2, 32, 16, 16]; need equal sizes or 1 at axis -3 (16 vs 32)  [shape]
fused_low = relu(l + down(h))
print(fused_high.shape, fused_low.shape)
