"""(pyright tensorShape conv2) a 5x5 conv with stride 2 on 32x32 gives 14x14."""
import typedflux as tf
from typedflux import Conv, Tensor

conv = Conv((5, 5), 4, 4, stride=2)


@tf.shapecheck
def features(x: Tensor[1, 4, 32, 32]) -> Tensor[1, 4, 15, 15]:
    return conv(x)  # BUG  # E: Return shape Tensor[1, 4, 14, 14] does not match the annotation Tensor[1, 4, 15, 15]: axis 2 is 14, expected 15  [shape]


print(features(tf.randn(1, 4, 32, 32)).shape)
