"""SE-ResNeXt's bottleneck: a 1x1 conv to width = groups * base_width * planes / 64, a grouped
3x3 conv, then a 1x1 conv expanding to planes * 4; the expanding conv was built reading
`planes` channels instead of the grouped width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, relu, sigmoid


class SEResNeXtBottleneck:
    def __init__(self, cin: int, planes: int, groups: int = 8, base_width: int = 4) -> None:
        width = groups * base_width * planes // 64
        self.conv1 = Chain(Conv((1, 1), cin, width, bias=False), BatchNorm(width), relu)
        self.conv2 = Chain(Conv((3, 3), width, width, pad=1, groups=groups, bias=False),
                           BatchNorm(width), relu)
        self.conv3 = Chain(Conv((1, 1), width, planes * 4, bias=False), BatchNorm(planes * 4))
        self.fc1 = Dense(planes * 4, planes // 4, relu)
        self.fc2 = Dense(planes // 4, planes * 4, sigmoid)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.conv3(self.conv2(self.conv1(x)))
        s = self.fc2(self.fc1(h.mean(axis=(2, 3))))
        return relu(h * s.reshape(s.shape[0], s.shape[1], 1, 1) + x)


block = SEResNeXtBottleneck(256, 64)
print(block(tf.randn(2, 256, 8, 8)).shape)
