"""An Inception module: four branches joined on channels by a lambda; the 5x5 branch pads as if it were 3x3."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, Parallel, relu

inception = Parallel(
    lambda a, b, c, d: tf.cat(a, b, c, d, axis=1),
    Conv((1, 1), 32, 16, relu),
    Chain(Conv((1, 1), 32, 16, relu), Conv((3, 3), 16, 24, relu, pad=1)),
    Chain(Conv((1, 1), 32, 8, relu), Conv((5, 5), 8, 8, relu, pad=1)),
    Chain(MaxPool((3, 3), pad=1, stride=1), Conv((1, 1), 32, 8, relu)),
)
x = tf.randn(2, 32, 14, 14)
y = inception(x)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[2, 16, 14, 14], xs[2] has Tensor[2, 8, 12, 12]; need equal sizes except at axis 1 (14 vs 12 at axis 2)  [shape]
print(y.shape)
