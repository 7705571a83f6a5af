"""A VGG-style feature stack written one layer per line; one conv has the wrong input channels."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, MaxPool, relu

vgg = Chain(
    Conv((3, 3), 3, 16, pad=1),
    BatchNorm(16, relu),
    Conv((3, 3), 16, 16, pad=1),
    BatchNorm(16, relu),
    MaxPool((2, 2)),
    Conv((3, 3), 16, 32, pad=1),
    BatchNorm(32, relu),
    Conv((3, 3), 16, 32, pad=1),  # BUG  # E: Chain layer 8 Conv((3, 3), 16 => 32, pad=1) expects input Tensor[B, 16, H, W], but layer 7 BatchNorm(32, relu) produces Tensor[B, 32, H'//2, W'//2]; change Conv((3, 3), 16 => 32, pad=1) to Conv((3, 3), 32 => 32, pad=1)  [shape]
    BatchNorm(32, relu),
    MaxPool((2, 2)),
    GlobalMeanPool(),
    Flatten(),
    Dense(32, 10),
)
print(vgg(tf.randn(2, 3, 16, 16)).shape)
