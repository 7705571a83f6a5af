"""A DenseNet block: each layer's output is concatenated to its input by a plain function; one conv forgets its padding."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, Tensor, relu


def dense_join(new: Tensor, old: Tensor) -> Tensor:
    return tf.cat(new, old, axis=1)


block = Chain(
    SkipConnection(Chain(BatchNorm(16, relu), Conv((3, 3), 16, 12)), dense_join),
    SkipConnection(Chain(BatchNorm(28, relu), Conv((3, 3), 28, 12, pad=1)), dense_join),
)
x = tf.randn(4, 16, 8, 8)
y = block(x)  # BUG  # E: Chain layer 1 SkipConnection(Chain(BatchNorm(16, relu), Conv((3, 3), 16 => 12)), dense_join): Sizes differ for "cat": xs[0] has Tensor[4, 12, 6, 6], xs[1] has Tensor[4, 16, 8, 8]; need equal sizes except at axis 1 (6 vs 8 at axis 2)  [shape]  # N: input to layer 1: Tensor[4, 16, 8, 8]
print(y.shape)
