"""Inception-v3's factorised 7x7 branch (a 1x7 conv, then a 7x1 conv, each padded along its
long side) joined with a one-return def; the 7x1 conv kept the 1x7's padding, so its branch
loses 6 rows and the channel concat fails."""
import typedflux as tf
from typedflux import Chain, Conv, MeanPool, Parallel, Tensor, relu


def join(a: Tensor, b: Tensor, c: Tensor) -> Tensor:
    return tf.cat(a, b, c, axis=1)


block = Parallel(
    join,
    Conv((1, 1), 32, 16, relu),
    Chain(
        Conv((1, 1), 32, 12, relu),
        Conv((1, 7), 12, 12, relu, pad=(0, 3)),
        Conv((7, 1), 12, 16, relu, pad=(3, 0)),
    ),
    Chain(MeanPool((3, 3), stride=1, pad=1), Conv((1, 1), 32, 16, relu)),
)
x = tf.randn(2, 32, 17, 17)
print(block(x).shape)
