"""A feature pyramid's top-down path adds each upsampled level to the lateral of the next;
between neighbouring levels the scale is 2, not 4."""
import typedflux as tf
from typedflux import Conv, Upsample

c3 = tf.randn(1, 64, 32, 32)
c4 = tf.randn(1, 128, 16, 16)
c5 = tf.randn(1, 256, 8, 8)
lat3, lat4, lat5 = Conv((1, 1), 64, 64), Conv((1, 1), 128, 64), Conv((1, 1), 256, 64)
smooth = Conv((3, 3), 64, 64, pad=1)

p5 = lat5(c5)
p4 = lat4(c4) + Upsample(2)(p5)
p3 = lat3(c3) + Upsample(4)(p4)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 64, 32, 32], y has Tensor[1, 64, 64, 64]; need equal sizes or 1 at axis -2 (32 vs 64)  [shape]
print(smooth(p3).shape)
