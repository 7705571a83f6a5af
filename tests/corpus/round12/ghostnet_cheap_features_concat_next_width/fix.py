"""GhostNet's ghost module makes half its output channels with a 1x1 conv and the other half
from those with a cheap depthwise conv, then concatenates both; the next pointwise conv was
sized for the primary half only."""
import typedflux as tf
from typedflux import BatchNorm, Conv, relu


class GhostModule:
    def __init__(self, cin: int, cout: int) -> None:
        init = cout // 2
        self.primary = Conv((1, 1), cin, init, relu)
        self.cheap = Conv((3, 3), init, init, relu, pad=1, groups=init)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        p = self.primary(x)
        return tf.cat(p, self.cheap(p), axis=1)


ghost = GhostModule(16, 32)
project = Conv((1, 1), 32, 24)
bn = BatchNorm(24)
x = tf.randn(2, 16, 8, 8)
y = project(ghost(x))
print(bn(y).shape)
