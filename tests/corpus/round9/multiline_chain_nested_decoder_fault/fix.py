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
        Conv((3, 3), 32, 3, pad=1),
        tf.sigmoid,
    ),
)
print(decoder(tf.randn(1, 128, 4, 4)).shape)
