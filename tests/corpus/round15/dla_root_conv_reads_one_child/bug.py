"""DLA's aggregation node: the children's outputs are concatenated along the channels and fused
by a 1x1 conv; the root's conv was sized for one child."""
import typedflux as tf
from typedflux import BatchNorm, Conv, relu


class Root:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv = Conv((1, 1), cin, cout)
        self.bn = BatchNorm(cout)

    def __call__(self, a: tf.Tensor, b: tf.Tensor) -> tf.Tensor:
        return relu(self.bn(self.conv(tf.cat(a, b, axis=1))))


class Tree:
    def __init__(self, cin: int, c: int) -> None:
        self.left = Conv((3, 3), cin, c, relu, pad=1)
        self.right = Conv((3, 3), c, c, relu, pad=1)
        self.root = Root(c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a = self.left(x)
        return self.root(a, self.right(a))


tree = Tree(8, 16)
print(tree(tf.randn(2, 8, 8, 8)).shape)  # BUG  # E: Conv((1, 1), 16 => 16) expects input Tensor[B, 16, H, W], got Tensor[2, 32, 8, 8]; need size 16 at axis 1 (got 32)  [shape]
