"""A conv whose arguments span several lines inside a Chain; its input channels are wrong."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

stem = Chain(
    Conv((7, 7), 3, 32, stride=2, pad=3),
    BatchNorm(32, relu),
    Conv(  # BUG  # E: Chain layer 3 Conv((3, 3), 64 => 64, pad=1) expects input Tensor[B, 64, H, W], but layer 2 BatchNorm(32, relu) produces Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]; change Conv((3, 3), 64 => 64, pad=1) to Conv((3, 3), 32 => 64, pad=1)  [shape]
        (3, 3),
        64,
        64,
        pad=1,
    ),
)
print(stem(tf.randn(1, 3, 32, 32)).shape)
