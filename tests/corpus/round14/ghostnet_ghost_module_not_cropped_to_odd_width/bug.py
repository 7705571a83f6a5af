"""GhostNet's ghost module makes ceil(out/2) channels with a 1x1 conv, the rest with a cheap
depthwise conv, concatenates both and keeps the first out channels; the crop was left out, so
an odd width gives one channel too many."""
import math

import typedflux as tf
from typedflux import BatchNorm, Conv, relu


class GhostModule:
    def __init__(self, cin: int, cout: int) -> None:
        self.out = cout
        init = math.ceil(cout / 2)
        self.primary = Conv((1, 1), cin, init, relu)
        self.cheap = Conv((3, 3), init, init, relu, pad=1, groups=init)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y1 = self.primary(x)
        y2 = self.cheap(y1)
        return tf.cat(y1, y2, axis=1)


ghost = GhostModule(16, 15)
bn = BatchNorm(15)
print(bn(ghost(tf.randn(2, 16, 8, 8))).shape)  # BUG  # E: BatchNorm(15) expects input Tensor[B, 15, ...], got Tensor[2, 16, 8, 8]; need size 15 at axis 1 (got 16)  [shape]
