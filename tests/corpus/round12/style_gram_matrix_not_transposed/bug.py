"""Neural style transfer's Gram matrix: the features (B, C, H*W) times their transpose give (B,
C, C) channel correlations; the features were multiplied by themselves."""
import typedflux as tf
from typedflux import Conv, relu


def gram(f: tf.Tensor) -> tf.Tensor:
    b, c, h, w = f.shape
    feats = f.reshape(b, c, h * w)
    return feats @ feats / (c * h * w)


conv = Conv((3, 3), 3, 16, relu, pad=1)
content = conv(tf.randn(1, 3, 12, 12))
style = conv(tf.randn(1, 3, 12, 12))
loss = tf.losses.mse(gram(content), gram(style))  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[1, 16, 144], w has Tensor[1, 16, 144]; need x.shape[-1] == w.shape[-2] (144 vs 16); did you mean to swap the last two axes of w (swapaxes(w, -1, -2))?  [shape]
print(loss.item())
