"""An Inception-style Parallel joined by a bare-Tensor `def join(*xs)`; one branch strides,
so the concat fails where the block is called."""
import typedflux as tf
from typedflux import Conv, Parallel, Tensor, relu


def join(*xs: Tensor) -> Tensor:
    return tf.cat(*xs, axis=1)


block = Parallel(
    join,
    Conv((1, 1), 16, 8, relu),
    Conv((3, 3), 16, 8, relu, pad=1, stride=2),
    Conv((5, 5), 16, 8, relu, pad=2),
)
print(block(tf.randn(1, 16, 8, 8)).shape)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 8, 8, 8], xs[1] has Tensor[1, 8, 4, 4]; need equal sizes except at axis 1 (8 vs 4 at axis 2)  [shape]
