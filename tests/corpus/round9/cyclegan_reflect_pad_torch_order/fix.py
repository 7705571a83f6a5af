"""A CycleGAN residual block pads by reflection before an unpadded 3x3 conv; the widths were
written one pair per axis but shifted by one axis, padding channels and rows."""
import typedflux as tf
from typedflux import Conv, InstanceNorm, relu

conv = Conv((3, 3), 64, 64)
norm = InstanceNorm(64, relu)
x = tf.randn(1, 64, 16, 16)
padded = tf.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)), mode="reflect")
y = x + norm(conv(padded))
print(y.shape)
