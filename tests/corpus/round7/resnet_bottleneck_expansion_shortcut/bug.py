"""A ResNet bottleneck class with `expansion = 4`: the projection shortcut gives the
bottleneck width instead of the expanded one."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu


class Bottleneck:
    expansion = 4

    def __init__(self, inplanes: int, planes: int) -> None:
        out = planes * self.expansion
        self.body = Chain(Conv((1, 1), inplanes, planes, relu), Conv((3, 3), planes, planes, relu, pad=1),
                          Conv((1, 1), planes, out), BatchNorm(out))
        self.shortcut = Chain(Conv((1, 1), inplanes, planes), BatchNorm(planes))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return tf.relu(self.body(x) + self.shortcut(x))


block = Bottleneck(16, 8)
print(block(tf.randn(2, 16, 5, 5)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 32, 5, 5], y has Tensor[2, 8, 5, 5]; need equal sizes or 1 at axis -3 (32 vs 8)  [shape]
