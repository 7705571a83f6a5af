"""A feature pyramid's top-down path: each level adds the upsampled coarser one; the finest
backbone map was taken at the wrong resolution."""
import typedflux as tf
from typedflux import Conv, Upsample

lat5 = Conv((1, 1), 64, 32)
lat4 = Conv((1, 1), 32, 32)
lat3 = Conv((1, 1), 16, 32)
up = Upsample(2)
c3 = tf.randn(1, 16, 16, 16)
c4 = tf.randn(1, 32, 8, 8)
c5 = tf.randn(1, 64, 4, 4)
p5 = lat5(c5)
p4 = lat4(c4) + up(p5)
p3 = lat3(c3) + up(p4)
print(p3.shape)
