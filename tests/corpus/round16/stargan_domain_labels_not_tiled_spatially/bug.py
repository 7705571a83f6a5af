"""StarGAN's generator input: the target domain labels (B, nd) are tiled over the image's
height and width and concatenated with its channels; they were only reshaped to (B, nd, 1, 1)."""
import typedflux as tf
from typedflux import Conv, relu

B, ND, H, W = 2, 5, 32, 32
img = tf.randn(B, 3, H, W)
labels = tf.randn(B, ND)
c = labels.reshape(B, ND, 1, 1)
stem = Conv((7, 7), 3 + ND, 64, relu, pad=3)
x = stem(tf.cat(img, c, axis=1))  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[2, 3, 32, 32], xs[1] has Tensor[2, 5, 1, 1]; need equal sizes except at axis 1 (32 vs 1 at axis 2)  [shape]
print(x.shape)
