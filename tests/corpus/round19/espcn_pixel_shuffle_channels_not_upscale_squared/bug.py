"""ESPCN super-resolution (Shi et al.): feature extraction convs on the low-resolution luma
channel, a last conv to channels * upscale^2 sub-pixel channels and PixelShuffle(upscale) to
the high-resolution image; the loss compares with the target at the upscaled size."""
from __future__ import annotations

import typedflux as tf
from typedflux import Conv, PixelShuffle, Tensor, tanh


class ESPCN:
    def __init__(self, upscale: int, channels: int = 1) -> None:
        self.conv1 = Conv((5, 5), channels, 16, tanh, pad=2)
        self.conv2 = Conv((3, 3), 16, 8, tanh, pad=1)
        self.conv3 = Conv((3, 3), 8, channels * upscale * 2, pad=1)
        self.pixel_shuffle = PixelShuffle(upscale)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.conv2(self.conv1(x))
        return self.pixel_shuffle(self.conv3(x))


model = ESPCN(upscale=3)
lr = tf.rand(2, 1, 6, 6)
hr = tf.rand(2, 1, 18, 18)
sr = model(lr)  # BUG  # E: Cannot fit the input of "PixelShuffle(3)": x has Tensor[2, 6, 6, 6]; need the size at axis 1 divisible by r^2 = 9 (6 % 9 = 6)  [shape]
loss = tf.losses.mse(sr, hr)
print(float(loss))
