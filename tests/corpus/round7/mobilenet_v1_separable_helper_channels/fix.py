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
    separable(32, 64, 2),
    GlobalMeanPool(),
    Flatten(),
    Dense(64, 10),
)
print(model(tf.randn(2, 3, 32, 32)).shape)
