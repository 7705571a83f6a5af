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
        return relu(h + x)


blocks = [TemporalBlock(4, 16, 3, 1), TemporalBlock(16, 16, 3, 2), TemporalBlock(16, 16, 3, 4)]
x = tf.randn(2, 4, 50, 1)
for blk in blocks:
    x = blk(x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 50, 1], y has Tensor[2, 4, 50, 1]; need equal sizes or 1 at axis -3 (16 vs 4)  [shape]
print(x.shape)
