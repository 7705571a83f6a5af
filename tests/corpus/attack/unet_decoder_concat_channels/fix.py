"""A U-Net decoder step: upsample, concatenate the skip along channels, then a conv that was
declared for the upsampled channels only."""
import typedflux as tf
from typedflux import Conv, ConvTranspose, relu

skip = tf.randn(1, 64, 32, 32)
bottom = tf.randn(1, 128, 16, 16)
up = ConvTranspose((2, 2), 128, 64, stride=2)
merge = Conv((3, 3), 128, 64, pad=1)
h = tf.cat(up(bottom), skip, axis=1)
print(relu(merge(h)).shape)
