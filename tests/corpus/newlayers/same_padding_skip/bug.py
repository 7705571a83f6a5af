"""A residual conv with pad="same" keeps the size; a strided one does not, and is added."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 8, 9, 9)
same = Conv((3, 3), 8, 8, pad="same")
print((same(x) + x).shape)
strided = Conv((3, 3), 8, 8, pad="same", stride=2)
print((strided(x) + x).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 8, 5, 5], y has Tensor[1, 8, 9, 9]; need equal sizes or 1 at axis -2 (5 vs 9)  [shape]
