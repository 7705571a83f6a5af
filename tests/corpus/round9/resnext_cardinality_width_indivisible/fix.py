"""A ResNeXt bottleneck: a grouped 3x3 conv with cardinality 32; the bottleneck width was
taken from a ResNet table (100) rather than cardinality x group width (32 x 4)."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu

CARDINALITY = 32
WIDTH = 128

block = SkipConnection(
    Chain(
        Conv((1, 1), 256, WIDTH), BatchNorm(WIDTH), relu,
        Conv((3, 3), WIDTH, WIDTH, pad=1, groups=CARDINALITY),
        BatchNorm(WIDTH), relu,
        Conv((1, 1), WIDTH, 256), BatchNorm(256),
    ),
    tf.add,
)
print(block(tf.randn(1, 256, 4, 4)).shape)
