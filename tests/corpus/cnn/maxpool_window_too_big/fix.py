"""A pooling window larger than the feature map after two downsamplings."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, relu

net = Chain(
    Conv((3, 3), 1, 4, relu, stride=2, pad=1),
    Conv((3, 3), 4, 4, relu, stride=2, pad=1),
    MaxPool((2, 2)),
)
print(net(tf.randn(1, 1, 8, 8)).shape)
