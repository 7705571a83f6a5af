"""A diffusion U-Net's residual blocks built in a list, each taking the time embedding; the
second block was given the wrong embedding width."""
import typedflux as tf
from typedflux import Conv, Dense, swish


class ResBlock:
    def __init__(self, cin: int, cout: int, tdim: int) -> None:
        self.conv1 = Conv((3, 3), cin, cout, swish, pad=1)
        self.temb = Dense(tdim, cout)
        self.conv2 = Conv((3, 3), cout, cout, pad=1)
        self.skip = Conv((1, 1), cin, cout)

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        h = self.conv1(x) + self.temb(t)[:, :, None, None]
        return self.conv2(h) + self.skip(x)


TDIM = 16
blocks = [ResBlock(4, 8, TDIM), ResBlock(8, 8, 2 * TDIM)]
x = tf.randn(2, 4, 6, 6)
t = tf.randn(2, TDIM)
for blk in blocks:
    x = blk(x, t)  # BUG  # E: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]
print(x.shape)
