"""An inverted residual block: the pointwise projection ends at the expanded width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

block = SkipConnection(
    Chain(Conv((1, 1), 8, 32), BatchNorm(32, relu), Conv((3, 3), 32, 32, pad=1), BatchNorm(32, relu), Conv((1, 1), 32, 8), BatchNorm(8)),
    tf.add,
)
print(block(tf.randn(2, 8, 5, 5)).shape)
