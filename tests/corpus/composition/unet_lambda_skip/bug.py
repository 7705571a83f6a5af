"""A U-Net level whose skip is the Flux idiom, a lambda concatenating channels: the conv after it expects the channels of one side only."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, MaxPool, SkipConnection, relu

level = SkipConnection(
    Chain(MaxPool((2, 2)), Conv((3, 3), 8, 16, relu, pad=1), ConvTranspose((2, 2), 16, 8, stride=2)),
    lambda up, skip: tf.cat(up, skip, axis=1),
)
unet = Chain(Conv((3, 3), 1, 8, relu, pad=1), level, Conv((3, 3), 8, 8, relu, pad=1), Conv((1, 1), 8, 2))  # BUG  # E: Chain layer 3 Conv((3, 3), 8 => 8, relu, pad=1) expects input Tensor[B, 8, H, W], but layer 2 SkipConnection(Chain(MaxPool((2, 2)), Conv((3, 3), 8 => 16, relu, pad=1), ConvTranspose((2, 2), 16 => 8, stride=2)), <lambda>) produces Tensor[B, 16, 2*(H'//2), 2*(W'//2)]; change Conv((3, 3), 8 => 8, relu, pad=1) to Conv((3, 3), 16 => 8, relu, pad=1)  [shape]
x = tf.randn(2, 1, 16, 16)
print(unet(x).shape)
