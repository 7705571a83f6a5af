"""MobileNetV2 inverted residuals from a helper returning a SkipConnection: the depthwise
3x3 conv lost its padding, so the block's output cannot be added to its input."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu


def inverted_residual(c: int, t: int) -> SkipConnection:
    return SkipConnection(
        Chain(
            Conv((1, 1), c, c * t), BatchNorm(c * t, relu),
            Conv((3, 3), c * t, c * t, groups=c * t), BatchNorm(c * t, relu),
            Conv((1, 1), c * t, c), BatchNorm(c),
        ),
        tf.add,
    )


stage = Chain(Conv((3, 3), 3, 16, pad=1), inverted_residual(16, 6), inverted_residual(16, 6))
print(stage(tf.randn(2, 3, 16, 16)).shape)  # BUG  # E: Chain layer 2 SkipConnection(Chain(Conv((1, 1), 16 => 96), BatchNorm(96, relu), Conv((3, 3), 96 => 96, groups=96), BatchNorm(96, relu), Conv((1, 1), 96 => 16), BatchNorm(16)), add): Cannot broadcast for "add": xs[0] has Tensor[2, 16, 14, 14], xs[1] has Tensor[2, 16, 16, 16]; need equal sizes or 1 at axis -2 (14 vs 16)  [shape]  # N: input to layer 2: Tensor[2, 16, 16, 16]
