"""SegFormer's all-MLP decoder: each stage is projected to one width and upsampled to 1/4
resolution before the concat; the last stage (1/32) was upsampled 4x instead of 8x."""
import typedflux as tf
from typedflux import Conv, Upsample

EMBED = 32
c1 = tf.randn(1, 32, 16, 16)
c2 = tf.randn(1, 64, 8, 8)
c3 = tf.randn(1, 160, 4, 4)
c4 = tf.randn(1, 256, 2, 2)
proj1, proj2 = Conv((1, 1), 32, EMBED), Conv((1, 1), 64, EMBED)
proj3, proj4 = Conv((1, 1), 160, EMBED), Conv((1, 1), 256, EMBED)
fuse = Conv((1, 1), 4 * EMBED, EMBED)

x1 = proj1(c1)
x2 = Upsample(2)(proj2(c2))
x3 = Upsample(4)(proj3(c3))
x4 = Upsample(8)(proj4(c4))
fused = fuse(tf.cat(x1, x2, x3, x4, axis=1))
print(fused.shape)
