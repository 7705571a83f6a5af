"""A U-Net whose encoder pushes its features on a list and whose decoder pops them: the
first up conv expects the skip's channels without the upsampled ones."""
import typedflux as tf
from typedflux import Conv, MaxPool, Upsample, relu

downs = [Conv((3, 3), 3, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
ups = [Conv((3, 3), 16, 8, relu, pad=1), Conv((3, 3), 8 + 8, 8, relu, pad=1)]
pool, up = MaxPool((2, 2)), Upsample(2)
x = tf.randn(1, 3, 8, 8)
skips = []
for d in downs:
    x = d(x)
    skips.append(x)
    x = pool(x)
for u in ups:
    x = u(tf.concat([up(x), skips.pop()], axis=1))  # BUG  # E: Conv((3, 3), 16 => 8, relu, pad=1) expects input Tensor[B, 16, H, W], got Tensor[1, 32, 4, 4]; need size 16 at axis 1 (got 32)  [shape]
print(x.shape)
