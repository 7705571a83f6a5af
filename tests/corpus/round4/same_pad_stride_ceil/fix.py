"""pad="same" with stride 2 on 9x9 gives ceil(9/2) = 5; the skip is cropped to 4."""
import typedflux as tf
from typedflux import Conv

x = tf.randn(1, 4, 9, 9)
down = Conv((3, 3), 4, 4, stride=2, pad="same")(x)
skip = x[:, :, ::2, ::2]
y = down + skip
print(y.shape)
