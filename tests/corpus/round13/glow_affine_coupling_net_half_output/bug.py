"""Glow's affine coupling: the first half of the channels goes through a conv net whose output
holds a shift and a log-scale for the second half, so it has as many channels as the input;
the net was built with the half width."""
import typedflux as tf
from typedflux import Chain, Conv, relu, sigmoid


class AffineCoupling:
    def __init__(self, c: int, hidden: int = 32) -> None:
        self.net = Chain(Conv((3, 3), c // 2, hidden, relu, pad=1),
                         Conv((1, 1), hidden, hidden, relu),
                         Conv((3, 3), hidden, c // 2, pad=1))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        xa, xb = tf.chunk(x, 2, axis=1)
        h = self.net(xa)
        shift, raw = h[:, 0::2], h[:, 1::2]
        scale = sigmoid(raw + 2.0)
        yb = (xb + shift) * scale
        return tf.cat(xa, yb, axis=1)


flow = AffineCoupling(8)
print(flow(tf.randn(2, 8, 6, 6)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 6, 6], y has Tensor[2, 2, 6, 6]; need equal sizes or 1 at axis -3 (4 vs 2)  [shape]
