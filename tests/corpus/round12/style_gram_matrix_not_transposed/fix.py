"""Neural style transfer's Gram matrix: the features (B, C, H*W) times their transpose give (B,
C, C) channel correlations; the features were multiplied by themselves."""
import typedflux as tf
from typedflux import Conv, relu


def gram(f: tf.Tensor) -> tf.Tensor:
    b, c, h, w = f.shape
    feats = f.reshape(b, c, h * w)
    return feats @ feats.swapaxes(1, 2) / (c * h * w)


conv = Conv((3, 3), 3, 16, relu, pad=1)
content = conv(tf.randn(1, 3, 12, 12))
style = conv(tf.randn(1, 3, 12, 12))
loss = tf.losses.mse(gram(content), gram(style))
print(loss.item())
