"""A ResNeXt block as a PyTorch-style class: layers built in `__init__` from int arguments,
a bare-Tensor `__call__`; the projection shortcut was built from the output width."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Tensor, relu


class ResNeXtBlock:
    def __init__(self, cin: int, cout: int, cardinality: int, stride: int) -> None:
        width = cout // 2
        self.body = Chain(
            Conv((1, 1), cin, width), BatchNorm(width), relu,
            Conv((3, 3), width, width, stride=stride, pad=1, groups=cardinality), BatchNorm(width), relu,
            Conv((1, 1), width, cout), BatchNorm(cout),
        )
        self.shortcut = Conv((1, 1), cout, cout, stride=stride)

    def __call__(self, x: Tensor) -> Tensor:
        return tf.relu(self.body(x) + self.shortcut(x))


block = ResNeXtBlock(64, 256, 32, 2)
print(block(tf.randn(2, 64, 8, 8)).shape)  # BUG  # E: Conv((1, 1), 256 => 256, stride=2) expects input Tensor[B, 256, H, W], got Tensor[2, 64, 8, 8]; need size 256 at axis 1 (got 64)  [shape]
