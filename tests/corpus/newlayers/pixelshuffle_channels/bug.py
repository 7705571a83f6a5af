"""A super-resolution head shuffles r=2 pixels from channels not divisible by 4."""
import typedflux as tf
from typedflux import Chain, Conv, PixelShuffle

head = Chain(Conv((3, 3), 8, 6, pad=1), PixelShuffle(2))  # BUG  # E: Chain layer 2 PixelShuffle(2): Cannot fit the input of "PixelShuffle(2)": x has Tensor[B, 6, H', W']; need the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)  [shape]  # N: input to layer 2: Tensor[B, 6, H', W']
print(head(tf.randn(1, 8, 5, 5)).shape)
