"""StyleGAN's AdaIN: an affine map of w gives a scale and a bias per channel, (B, C) each,
which must be shaped (B, C, 1, 1) to modulate the instance-normalised (B, C, H, W) features."""
import typedflux as tf
from typedflux import Dense, InstanceNorm

B, C, W = 2, 16, 64
affine = Dense(W, 2 * C)
norm = InstanceNorm(C)
x = tf.randn(B, C, 8, 8)
w = tf.randn(B, W)
ys, yb = tf.chunk(affine(w), 2, axis=1)
out = ys * norm(x) + yb  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 16], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (2 vs 8)  [shape]
print(out.shape)
