"""Conformer's convolution module: LayerNorm, a pointwise conv to 2 * channels, a GLU over the
channel axis (first half times sigmoid of the second), a depthwise conv (groups = channels,
'same' padding), BatchNorm, swish, a pointwise conv back, and the residual. Sequences come as
(batch, time, channels) and are transposed to (batch, channels, 1, time) for the convs."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Conv, Dropout, LayerNorm, Tensor, sigmoid, swish


class GLU:
    def __init__(self, dim: int) -> None:
        self.dim = dim

    def __call__(self, x: Tensor) -> Tensor:
        outputs, gate = tf.chunk(x, 2, axis=self.dim)
        return outputs * sigmoid(gate)


class ConformerConvModule:
    def __init__(self, in_channels: int, kernel_size: int = 7, expansion_factor: int = 2,
                 dropout_p: float = 0.1) -> None:
        assert (kernel_size - 1) % 2 == 0
        self.layer_norm = LayerNorm(in_channels)
        self.pointwise1 = Conv((1, 1), in_channels, in_channels * expansion_factor)
        self.glu = GLU(dim=1)
        self.depthwise = Conv((1, kernel_size), in_channels, in_channels,
                              pad=(0, 0, (kernel_size - 1) // 2, (kernel_size - 1) // 2),
                              groups=in_channels, bias=False)
        self.batch_norm = BatchNorm(in_channels)
        self.pointwise2 = Conv((1, 1), in_channels, in_channels)
        self.dropout = Dropout(dropout_p)

    def __call__(self, inputs: Tensor) -> Tensor:
        x = self.layer_norm(inputs)
        b, t, c = x.shape
        x = x.transpose(0, 2, 1).reshape(b, c, 1, t)
        x = self.glu(self.pointwise1(x))
        x = swish(self.batch_norm(self.depthwise(x)))
        x = self.dropout(self.pointwise2(x))
        return inputs + x.reshape(b, c, t).transpose(0, 2, 1)


module = ConformerConvModule(16)
frames = tf.randn(2, 30, 16)
out = module(frames)
print(out.shape)
