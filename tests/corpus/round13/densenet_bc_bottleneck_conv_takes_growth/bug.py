"""DenseNet-BC's bottleneck layer: BN-ReLU-1x1 conv to 4*growth channels, then BN-ReLU-3x3
conv to growth channels, concatenated onto the input; the 3x3 conv was built taking growth
channels instead of the bottleneck's 4*growth."""
import typedflux as tf
from typedflux import BatchNorm, Conv, relu


class Bottleneck:
    def __init__(self, cin: int, growth: int) -> None:
        inter = 4 * growth
        self.bn1 = BatchNorm(cin)
        self.conv1 = Conv((1, 1), cin, inter, bias=False)
        self.bn2 = BatchNorm(inter)
        self.conv2 = Conv((3, 3), growth, growth, pad=1, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.conv1(relu(self.bn1(x)))
        h = self.conv2(relu(self.bn2(h)))
        return tf.cat(x, h, axis=1)


layers = [Bottleneck(24 + 12 * i, 12) for i in range(3)]
x = tf.randn(2, 24, 8, 8)
for layer in layers:
    x = layer(x)  # BUG  # E: Conv((3, 3), 12 => 12, pad=1, bias=False) expects input Tensor[B, 12, H, W], got Tensor[2, 48, 8, 8]; need size 12 at axis 1 (got 48)  [shape]
print(x.shape)
