"""CoordConv appends two coordinate channels (x and y in [-1, 1]) to the feature map before a
conv; the conv after it was built for the original channel count."""
import typedflux as tf
from typedflux import Conv, relu


def add_coords(x: tf.Tensor) -> tf.Tensor:
    b, _, h, w = x.shape
    xs = tf.tile(tf.arange(w).reshape(1, 1, 1, w) * (2.0 / (w - 1)) - 1.0, b, 1, h, 1)
    ys = tf.tile(tf.arange(h).reshape(1, 1, h, 1) * (2.0 / (h - 1)) - 1.0, b, 1, 1, w)
    return tf.cat(x, xs, ys, axis=1)


conv = Conv((3, 3), 8, 16, relu, pad=1)
feat = tf.randn(2, 8, 6, 6)
print(conv(add_coords(feat)).shape)  # BUG  # E: Conv((3, 3), 8 => 16, relu, pad=1) expects input Tensor[B, 8, H, W], got Tensor[2, 10, 6, 6]; need size 8 at axis 1 (got 10)  [shape]
