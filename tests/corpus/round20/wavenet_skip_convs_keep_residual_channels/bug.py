"""A WaveNet: a causal input conv, residual layers with dilations 1, 2, 4, 8 (left-padded dilated
convs giving filter and gate, tanh * sigmoid), a 1x1 residual conv back to residual_channels and
a 1x1 skip conv to skip_channels; the skips are summed and the post-net (relu, 1x1, relu, 1x1)
gives the output classes. Audio is laid out (batch, channels, 1, time)."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Conv, Tensor, relu, sigmoid, tanh


class CausalConv:
    def __init__(self, cin: int, cout: int, kernel_size: int = 2, dilation: int = 1) -> None:
        self.left = (kernel_size - 1) * dilation
        self.conv = Conv((1, kernel_size), cin, cout, dilation=(1, dilation))

    def __call__(self, x: Tensor) -> Tensor:
        x = tf.pad(x, ((0, 0), (0, 0), (0, 0), (self.left, 0)))
        return self.conv(x)


class ResidualLayer:
    def __init__(self, residual_channels: int, dilation_channels: int, skip_channels: int,
                 dilation: int) -> None:
        self.filter_conv = CausalConv(residual_channels, dilation_channels, 2, dilation)
        self.gate_conv = CausalConv(residual_channels, dilation_channels, 2, dilation)
        self.residual_conv = Conv((1, 1), dilation_channels, residual_channels)
        self.skip_conv = Conv((1, 1), dilation_channels, residual_channels)

    def __call__(self, x: Tensor) -> List[Tensor]:
        z = tanh(self.filter_conv(x)) * sigmoid(self.gate_conv(x))
        return [x + self.residual_conv(z), self.skip_conv(z)]


class WaveNet:
    def __init__(self, classes: int = 32, residual_channels: int = 16, dilation_channels: int = 16,
                 skip_channels: int = 24, layers: int = 4) -> None:
        self.start_conv = CausalConv(classes, residual_channels)
        self.layers = [ResidualLayer(residual_channels, dilation_channels, skip_channels, 2 ** i)
                       for i in range(layers)]
        self.end_conv_1 = Conv((1, 1), skip_channels, skip_channels)
        self.end_conv_2 = Conv((1, 1), skip_channels, classes)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.start_conv(x)
        skip = tf.zeros(1)
        for layer in self.layers:
            x, s = layer(x)
            skip = skip + s
        return self.end_conv_2(relu(self.end_conv_1(relu(skip))))


model = WaveNet()
audio = tf.randn(2, 32, 1, 20)
logits = model(audio)  # BUG  # E: Conv((1, 1), 24 => 24) expects input Tensor[B, 24, H, W], got Tensor[2, 16, 1, 20]; need size 24 at axis 1 (got 16)  [shape]
print(logits.shape)
