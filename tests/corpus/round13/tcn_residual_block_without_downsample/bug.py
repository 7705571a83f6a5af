"""A TCN residual block (Bai et al.): two dilated causal convs, and a 1x1 conv on the residual
path whenever the channel count changes; the block always added the input unchanged."""
import typedflux as tf
from typedflux import Conv, relu


class TemporalBlock:
    def __init__(self, cin: int, cout: int, k: int, dilation: int) -> None:
        self.pad = (k - 1) * dilation
        self.conv1 = Conv((k, 1), cin, cout, relu, dilation=dilation)
        self.conv2 = Conv((k, 1), cout, cout, relu, dilation=dilation)

    def causal(self, conv: Conv, x: tf.Tensor) -> tf.Tensor:
        return conv(tf.pad(x, ((0, 0), (0, 0), (self.pad, 0), (0, 0))))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.causal(self.conv2, self.causal(self.conv1, x))
        return relu(h + x)  # BUG[gap flow: in a method body, tf.pad(x, ((0, 0), (0, 0), (self.pad, 0), (0, 0))) with the int attribute self.pad = (k - 1) * dilation of __init__ is unknown (with a literal 2 there, or self.pad used in an add, the block is typed), so the block's result is unknown and the residual add of 16 and 4 channels is never run]


blocks = [TemporalBlock(4, 16, 3, 1), TemporalBlock(16, 16, 3, 2), TemporalBlock(16, 16, 3, 4)]
x = tf.randn(2, 4, 50, 1)
for blk in blocks:
    x = blk(x)
print(x.shape)
