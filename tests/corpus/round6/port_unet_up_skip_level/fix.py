"""A U-Net up block with two inputs (the deeper map and the skip); the skip passed in is
from the wrong level."""
import typedflux as tf
from typedflux import Conv, ConvTranspose, Tensor, relu


class Up:
    def __init__(self, cin: int, cout: int) -> None:
        self.up = ConvTranspose((2, 2), cin, cout, stride=2)
        self.conv = Conv((3, 3), cout * 2, cout, relu, pad=1)

    def __call__(self, x: Tensor, skip: Tensor) -> Tensor:
        x = self.up(x)
        return self.conv(tf.concat([x, skip], axis=1))


up = Up(32, 16)
out = up(tf.randn(1, 32, 4, 4), tf.randn(1, 16, 8, 8))
print(out.shape)
