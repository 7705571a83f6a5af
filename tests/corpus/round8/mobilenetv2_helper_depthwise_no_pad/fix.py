"""MobileNetV2 inverted residuals from a helper returning a SkipConnection: the depthwise
3x3 conv lost its padding, so the block's output cannot be added to its input."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, relu


def inverted_residual(c: int, t: int) -> SkipConnection:
    return SkipConnection(
        Chain(
            Conv((1, 1), c, c * t), BatchNorm(c * t, relu),
            Conv((3, 3), c * t, c * t, pad=1, groups=c * t), BatchNorm(c * t, relu),
            Conv((1, 1), c * t, c), BatchNorm(c),
        ),
        tf.add,
    )


stage = Chain(Conv((3, 3), 3, 16, pad=1), inverted_residual(16, 6), inverted_residual(16, 6))
print(stage(tf.randn(2, 3, 16, 16)).shape)
