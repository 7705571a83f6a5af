"""A decoder written as a multi-line Chain of stages, each a Chain over several lines; the
third stage's conv takes the channels of the stage before the previous one."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, ConvTranspose, relu

decoder = Chain(
    Chain(
        ConvTranspose((2, 2), 128, 64, stride=2),
        BatchNorm(64),
        relu,
    ),
    Chain(
        ConvTranspose((2, 2), 64, 32, stride=2),
        BatchNorm(32),
        relu,
    ),
    Chain(
        Conv((3, 3), 64, 3, pad=1),  # BUG  # E: Chain layer 3 Chain(Conv((3, 3), 64 => 3, pad=1), sigmoid): Chain layer 1 Conv((3, 3), 64 => 3, pad=1) expects input Tensor[B, 64, H, W], got Tensor[B, 32, 4*H', 4*W']; need size 64 at axis 1 (got 32)  [shape]  # N: input to layer 3: Tensor[B, 32, 4*H', 4*W']
        tf.sigmoid,
    ),
)
print(decoder(tf.randn(1, 128, 4, 4)).shape)
