"""WaveNet's residual layer: a dilated causal conv gives filter and gate halves, tanh(f) *
sigmoid(g) is projected by one 1x1 conv back to the residual channels (added to the input) and
by another to the skip channels; the residual conv was built with the skip width."""
import typedflux as tf
from typedflux import Conv

R, S = 16, 32


class ResidualLayer:
    def __init__(self, dilation: int) -> None:
        self.pad = dilation
        self.dilated = Conv((1, 2), R, 2 * R, dilation=dilation)
        self.res = Conv((1, 1), R, S)
        self.skip = Conv((1, 1), R, S)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.dilated(tf.pad(x, ((0, 0), (0, 0), (0, 0), (self.pad, 0))))
        f, g = tf.chunk(h, 2, axis=1)
        z = tf.tanh(f) * tf.sigmoid(g)
        return x + self.res(z)


layer = ResidualLayer(2)
audio = tf.randn(2, R, 1, 40)
print(layer(audio).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 1, 40], y has Tensor[2, 32, 1, 40]; need equal sizes or 1 at axis -3 (16 vs 32)  [shape]
