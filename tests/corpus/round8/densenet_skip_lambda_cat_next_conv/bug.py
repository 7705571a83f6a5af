"""A DenseNet layer as SkipConnection(conv, lambda mx, x: tf.cat(mx, x, axis=1)) grows
the channels by 12; the next conv was sized without the growth."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

dense_block = Chain(
    SkipConnection(Chain(BatchNorm(24, relu), Conv((3, 3), 24, 12, pad=1)),
                   lambda mx, x: tf.cat(mx, x, axis=1)),
    SkipConnection(Chain(BatchNorm(24, relu), Conv((3, 3), 24, 12, pad=1)),
                   lambda mx, x: tf.cat(mx, x, axis=1)),
)
print(dense_block(tf.randn(2, 24, 8, 8)).shape)  # BUG  # E: Chain layer 2 SkipConnection(Chain(BatchNorm(24, relu), Conv((3, 3), 24 => 12, pad=1)), <lambda>): Chain layer 1 BatchNorm(24, relu) expects input Tensor[B, 24, ...], got Tensor[2, 36, 8, 8]; need size 24 at axis 1 (got 36)  [shape]  # N: input to layer 2: Tensor[2, 36, 8, 8]
