"""The original U-Net: valid convs shrink the map, so the skip must be cropped before the cat."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, MaxPool, relu

enc = Chain(Conv((3, 3), 1, 8, relu), Conv((3, 3), 8, 8, relu))
mid = Chain(MaxPool((2, 2)), Conv((3, 3), 8, 16, relu), Conv((3, 3), 16, 16, relu))
up = ConvTranspose((2, 2), 16, 8, stride=2)
x = tf.randn(1, 1, 20, 20)
skip = enc(x)
u = up(mid(skip))
skip = skip[:, :, 4:12, 4:12]
y = tf.cat(skip, u, axis=1)
print(y.shape)
