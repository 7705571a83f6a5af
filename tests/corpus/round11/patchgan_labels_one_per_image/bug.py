"""A PatchGAN discriminator scores every 70x70 patch: its output is a map (B, 1, 6, 6) for 64x64
inputs here, so the real/fake targets must be that map, not one label per image."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, leakyrelu, sigmoid

lrelu = lambda x: leakyrelu(x, 0.2)
disc = Chain(
    Conv((4, 4), 6, 16, lrelu, stride=2, pad=1),
    Conv((4, 4), 16, 32, stride=2, pad=1), BatchNorm(32, lrelu),
    Conv((4, 4), 32, 64, stride=2, pad=1), BatchNorm(64, lrelu),
    Conv((4, 4), 64, 64, pad=1), BatchNorm(64, lrelu),
    Conv((4, 4), 64, 1, sigmoid, pad=1),
)
real_pair = tf.concat([tf.randn(2, 3, 64, 64), tf.randn(2, 3, 64, 64)], axis=1)
pred = disc(real_pair)
loss = tf.losses.binarycrossentropy(pred, tf.ones(2, 1))  # BUG  # E: Shapes differ for "binarycrossentropy": prediction has Tensor[2, 1, 6, 6], target has Tensor[2, 1]; need identical shapes (no broadcasting in losses)  [shape]
print(loss.item())
