"""(pyright tensorShape conv2) a 5x5 conv with stride 2 on 32x32 gives 14x14."""
import typedflux as tf
from typedflux import Conv, Tensor

conv = Conv((5, 5), 4, 4, stride=2)


@tf.shapecheck
def features(x: Tensor[1, 4, 32, 32]) -> Tensor[1, 4, 15, 15]:
    return tf.pad(conv(x), ((0, 0), (0, 0), (0, 1), (0, 1)))


print(features(tf.randn(1, 4, 32, 32)).shape)
