"""A DenseNet layer as SkipConnection(conv, lambda mx, x: tf.cat(mx, x, axis=1)) grows
the channels by 12; the next conv was sized without the growth."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

dense_block = Chain(
    SkipConnection(Chain(BatchNorm(24, relu), Conv((3, 3), 24, 12, pad=1)),
                   lambda mx, x: tf.cat(mx, x, axis=1)),
    SkipConnection(Chain(BatchNorm(36, relu), Conv((3, 3), 36, 12, pad=1)),
                   lambda mx, x: tf.cat(mx, x, axis=1)),
)
print(dense_block(tf.randn(2, 24, 8, 8)).shape)
