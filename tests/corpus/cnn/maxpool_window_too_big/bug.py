"""A pooling window larger than the feature map after two downsamplings."""
import typedflux as tf
from typedflux import Chain, Conv, MaxPool, relu

net = Chain(
    Conv((3, 3), 1, 4, relu, stride=2, pad=1),
    Conv((3, 3), 4, 4, relu, stride=2, pad=1),
    MaxPool((3, 3)),
)
print(net(tf.randn(1, 1, 8, 8)).shape)  # BUG  # E: Chain layer 3 MaxPool((3, 3)): Input too small for "MaxPool((3, 3))": x has Tensor[1, 4, 2, 2]; need an output size >= 1 on every spatial axis (got 0x0)  [shape]  # N: input to layer 3: Tensor[1, 4, 2, 2]
