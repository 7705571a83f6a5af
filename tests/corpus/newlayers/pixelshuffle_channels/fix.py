"""A super-resolution head shuffles r=2 pixels from channels not divisible by 4."""
import typedflux as tf
from typedflux import Chain, Conv, PixelShuffle

head = Chain(Conv((3, 3), 8, 12, pad=1), PixelShuffle(2))
print(head(tf.randn(1, 8, 5, 5)).shape)
