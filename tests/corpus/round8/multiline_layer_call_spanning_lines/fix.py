"""A conv whose arguments span several lines inside a Chain; its input channels are wrong."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

stem = Chain(
    Conv((7, 7), 3, 32, stride=2, pad=3),
    BatchNorm(32, relu),
    Conv(
        (3, 3),
        32,
        64,
        pad=1,
    ),
)
print(stem(tf.randn(1, 3, 32, 32)).shape)
