"""A residual conv with pad="same" keeps the size; a strided one does not, and is added."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 8, 9, 9)
same = Conv((3, 3), 8, 8, pad="same")
print((same(x) + x).shape)
strided = Conv((3, 3), 8, 8, pad="same", stride=1)
print((strided(x) + x).shape)
