"""Inception-ResNet-A: three branches (32, 32 and 64 channels) are concatenated and a 1x1 conv
projects them back to the block's input width before the scaled residual sum; the projection
was built for the first two branches only."""
import typedflux as tf
from typedflux import Chain, Conv, relu


class InceptionResNetA:
    def __init__(self, cin: int = 96, scale: float = 0.17) -> None:
        self.b0 = Conv((1, 1), cin, 32, relu)
        self.b1 = Chain(Conv((1, 1), cin, 32, relu), Conv((3, 3), 32, 32, relu, pad=1))
        self.b2 = Chain(Conv((1, 1), cin, 32, relu), Conv((3, 3), 32, 48, relu, pad=1),
                        Conv((3, 3), 48, 64, relu, pad=1))
        self.up = Conv((1, 1), 64, cin)
        self.scale = scale

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        mixed = tf.cat(self.b0(x), self.b1(x), self.b2(x), axis=1)
        return relu(x + self.scale * self.up(mixed))  # BUG  # E: Conv((1, 1), 64 => ?) expects input Tensor[B, 64, H, W], got Tensor[?, 128, ?, ?]; need size 64 at axis 1 (got 128)  [shape]


block = InceptionResNetA()
print(block(tf.randn(2, 96, 9, 9)).shape)
