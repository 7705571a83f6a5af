"""ESPCN's sub-pixel layer: the last conv must give channels * r^2 for PixelShuffle(r);
it was written for an upscale of 2, with r = 3."""
import typedflux as tf
from typedflux import Chain, Conv, PixelShuffle, tanh

espcn = Chain(
    Conv((5, 5), 1, 64, tanh, pad=2),
    Conv((3, 3), 64, 32, tanh, pad=1),
    Conv((3, 3), 32, 9, pad=1),
    PixelShuffle(3),
)
print(espcn(tf.randn(1, 1, 8, 8)).shape)
