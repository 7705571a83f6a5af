"""pad="same" with stride 2 on 9x9 gives ceil(9/2) = 5; the skip is cropped to 4."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 9, 9)
down = Conv((3, 3), 4, 4, stride=2, pad="same")(x)
skip = x[:, :, ::2, ::2][:, :, :4, :4]
y = down + skip  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 4, 5, 5], y has Tensor[1, 4, 4, 4]; need equal sizes or 1 at axis -2 (5 vs 4)  [shape]
print(y.shape)
