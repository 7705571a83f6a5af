"""ShuffleNetV2's downsampling unit: both branches see the whole input, the left one a
depthwise stride-2 conv then a 1x1 conv to out/2, the right one out/2 too; the left branch's
1x1 conv kept the input width, so the next unit's split halves are wrong."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu


def channel_shuffle(x: tf.Tensor, groups: int) -> tf.Tensor:
    b, c, h, w = x.shape
    return x.reshape(b, groups, c // groups, h, w).transpose(0, 2, 1, 3, 4).reshape(b, c, h, w)


class DownUnit:
    def __init__(self, cin: int, cout: int) -> None:
        half = cout // 2
        self.left = Chain(Conv((3, 3), cin, cin, stride=2, pad=1, groups=cin), BatchNorm(cin),
                          Conv((1, 1), cin, cin), BatchNorm(cin), relu)
        self.right = Chain(Conv((1, 1), cin, half), BatchNorm(half), relu,
                           Conv((3, 3), half, half, stride=2, pad=1, groups=half), BatchNorm(half),
                           Conv((1, 1), half, half), BatchNorm(half), relu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return channel_shuffle(tf.cat(self.left(x), self.right(x), axis=1), 2)


class BasicUnit:
    def __init__(self, c: int) -> None:
        half = c // 2
        self.branch = Chain(Conv((1, 1), half, half), BatchNorm(half), relu,
                            Conv((3, 3), half, half, pad=1, groups=half), BatchNorm(half),
                            Conv((1, 1), half, half), BatchNorm(half), relu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a, b = tf.chunk(x, 2, axis=1)
        return channel_shuffle(tf.cat(a, self.branch(b), axis=1), 2)


down = DownUnit(24, 116)
basic = BasicUnit(116)
h = down(tf.randn(2, 24, 16, 16))
print(basic(h).shape)  # BUG  # E: Chain layer 1 Conv((1, 1), 58 => 58) expects input Tensor[B, 58, H, W], got Tensor[2, 41, 8, 8]; need size 58 at axis 1 (got 41)  [shape]
