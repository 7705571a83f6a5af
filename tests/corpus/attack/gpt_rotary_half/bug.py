"""Rotary position embedding: the angle table is built for the whole head size, but it
multiplies each half of the head."""
import typedflux as tf

B_, T, H, D = 2, 8, 4, 16
x = tf.randn(B_, T, H, D)
angles = tf.randn(T, 1, D)
cos, sin = tf.cos(angles), tf.sin(angles)
x1, x2 = x[..., : D // 2], x[..., D // 2 :]
rotated = tf.cat(x1 * cos - x2 * sin, x1 * sin + x2 * cos, axis=-1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 8, 4, 8], y has Tensor[8, 1, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
print(rotated.shape)
