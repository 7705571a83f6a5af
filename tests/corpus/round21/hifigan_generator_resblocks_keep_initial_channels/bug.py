"""HiFi-GAN's generator (jik876/hifi-gan, simplified to 1-D convs written as (1, k) convs on a
dummy axis): conv_pre to upsample_initial_channel, then per upsampling stage a transposed conv
halving the channels (initial // 2**(i+1)) and a multi-receptive-field fusion of ResBlocks
on those channels, averaged; conv_post to one channel and tanh."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Conv, ConvTranspose, Tensor


class ResBlock:
    def __init__(self, channels: int, kernel_size: int, dilations: List[int]) -> None:
        self.convs = [Conv((1, kernel_size), channels, channels, dilation=d,
                           pad=(0, (kernel_size * d - d) // 2)) for d in dilations]

    def __call__(self, x: Tensor) -> Tensor:
        for c in self.convs:
            x = x + c(tf.leakyrelu(x, 0.1))
        return x


class Generator:
    def __init__(self, n_mels: int = 8, upsample_initial_channel: int = 32,
                 upsample_rates: List[int] = [2, 2], resblock_kernel_sizes: List[int] = [3, 5]) -> None:
        self.num_kernels = len(resblock_kernel_sizes)
        self.conv_pre = Conv((1, 7), n_mels, upsample_initial_channel, pad=(0, 3))
        self.ups: List[ConvTranspose] = []
        self.resblocks: List[ResBlock] = []
        for i, u in enumerate(upsample_rates):
            cin = upsample_initial_channel // (2 ** i)
            cout = upsample_initial_channel // (2 ** (i + 1))
            self.ups.append(ConvTranspose((1, u * 2), cin, cout, stride=(1, u), pad=(0, u // 2)))
            for k in resblock_kernel_sizes:
                self.resblocks.append(ResBlock(cin, k, [1, 3]))
        ch = upsample_initial_channel // (2 ** len(upsample_rates))
        self.conv_post = Conv((1, 7), ch, 1, pad=(0, 3))

    def __call__(self, mel: Tensor) -> Tensor:
        x = self.conv_pre(mel[:, :, None, :])
        for i, up in enumerate(self.ups):
            x = up(tf.leakyrelu(x, 0.1))
            xs = self.resblocks[i * self.num_kernels](x)
            for j in range(1, self.num_kernels):
                xs = xs + self.resblocks[i * self.num_kernels + j](x)
            x = xs / self.num_kernels
        return tf.tanh(self.conv_post(tf.leakyrelu(x, 0.01)))[:, 0, 0, :]


gen = Generator()
audio = gen(tf.randn(2, 8, 10))  # BUG[gap flow: ResBlock's self.convs is a list attribute of Convs from a comprehension over the dilations parameter (Conv[Any, Any, Any] even for ResBlock(32, 3, [1, 3]) alone), and the Generator's ups/resblocks lists are appended in a for loop over enumerate(upsample_rates) of a default list parameter (ConvTranspose[Any, Any, Any]): the widths never meet]
print(audio.shape)
