"""CycleGAN's ResnetGenerator: c7s1-ngf (reflection pad 3, 7x7 conv, norm, relu), two stride-2
downsampling convs doubling the channels, n_blocks ResnetBlocks at ngf * 4 (reflection pad 1,
3x3 conv, norm, relu, twice, plus the skip), two stride-2 ConvTransposes halving the channels
back to ngf, and c7s1-output_nc with tanh. The layers are appended to a list as the original
builds `model += [...]`."""
from __future__ import annotations

from typing import Any, List

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, InstanceNorm, Tensor, relu, tanh


class ReflectionPad:
    def __init__(self, p: int) -> None:
        self.p = p

    def __call__(self, x: Tensor) -> Tensor:
        return tf.pad(x, ((0, 0), (0, 0), (self.p, self.p), (self.p, self.p)), mode="reflect")


class ResnetBlock:
    def __init__(self, dim: int) -> None:
        self.conv_block = Chain(
            ReflectionPad(1), Conv((3, 3), dim, dim), InstanceNorm(dim, relu),
            ReflectionPad(1), Conv((3, 3), dim, dim), InstanceNorm(dim),
        )

    def __call__(self, x: Tensor) -> Tensor:
        return x + self.conv_block(x)


class ResnetGenerator:
    def __init__(self, input_nc: int = 3, output_nc: int = 3, ngf: int = 8, n_blocks: int = 2) -> None:
        model: List[Any] = [ReflectionPad(3), Conv((7, 7), input_nc, ngf), InstanceNorm(ngf, relu)]
        n_downsampling = 2
        for i in range(n_downsampling):
            mult = 2 ** i
            model += [Conv((3, 3), ngf * mult, ngf * mult * 2, stride=2, pad=1),
                      InstanceNorm(ngf * mult * 2, relu)]
        mult = 2 ** n_downsampling
        for i in range(n_blocks):
            model += [ResnetBlock(ngf * mult)]
        for i in range(n_downsampling):
            mult = 2 ** (n_downsampling - i)
            model += [ConvTranspose((3, 3), ngf * mult, ngf * mult, stride=2, pad=1, outpad=1),
                      InstanceNorm(ngf * mult // 2, relu)]
        model += [ReflectionPad(3), Conv((7, 7), ngf, output_nc, tanh)]
        self.model = Chain(*model)

    def __call__(self, x: Tensor) -> Tensor:
        return self.model(x)


netG = ResnetGenerator()  # BUG  # E: Chain layer 11 InstanceNorm(16, relu) expects input Tensor[B, 16, H, ...], but layer 10 ConvTranspose((3, 3), 32 => 32, stride=2, pad=1, outpad=1) produces Tensor[B, 32, 2*H', 2*W']  [shape]
fake_B = netG(tf.randn(1, 3, 16, 16))
print(fake_B.shape)
