"""MobileNet v1 from a depthwise-separable helper: the third block was given the stem's
channel count instead of the previous block's output."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, relu


def separable(cin: int, cout: int, stride: int) -> Chain:
    return Chain(
        Conv((3, 3), cin, cin, relu, stride=stride, pad=1, groups=cin),
        BatchNorm(cin),
        Conv((1, 1), cin, cout, relu),
        BatchNorm(cout),
    )


model = Chain(
    Conv((3, 3), 3, 16, relu, stride=2, pad=1),
    separable(16, 32, 1),
    separable(16, 64, 2),  # BUG  # E: Chain layer 3 Chain(Conv((3, 3), 16 => 16, relu, stride=2, pad=1, groups=16), BatchNorm(16), Conv((1, 1), 16 => 64, relu), BatchNorm(64)): Chain layer 1 Conv((3, 3), 16 => 16, relu, stride=2, pad=1, groups=16) expects input Tensor[B, 16, H, W], got Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]; need size 16 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, (H' + 1)//2, (W' + 1)//2]
    GlobalMeanPool(),
    Flatten(),
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 32, 32)).shape)
