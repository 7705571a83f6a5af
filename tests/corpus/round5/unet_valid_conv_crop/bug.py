"""The original U-Net: valid convs shrink the map, so the skip must be cropped before the cat."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, MaxPool, relu

enc = Chain(Conv((3, 3), 1, 8, relu), Conv((3, 3), 8, 8, relu))
mid = Chain(MaxPool((2, 2)), Conv((3, 3), 8, 16, relu), Conv((3, 3), 16, 16, relu))
up = ConvTranspose((2, 2), 16, 8, stride=2)
x = tf.randn(1, 1, 20, 20)
skip = enc(x)
u = up(mid(skip))
y = tf.cat(skip, u, axis=1)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 8, 16, 16], xs[1] has Tensor[1, 8, 8, 8]; need equal sizes except at axis 1 (16 vs 8 at axis 2)  [shape]
print(y.shape)
