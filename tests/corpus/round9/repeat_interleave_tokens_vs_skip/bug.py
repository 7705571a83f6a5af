"""Upsampling a token sequence by repeating each token (a duration model's length regulator)
before adding the frame-level skip; each token was repeated 2 times for 3 frames per token."""
import typedflux as tf

tokens = tf.randn(2, 10, 16)
frames = tf.randn(2, 30, 16)
upsampled = tf.repeat_interleave(tokens, 2, axis=1)
h = upsampled + frames  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 20, 16], y has Tensor[2, 30, 16]; need equal sizes or 1 at axis -2 (20 vs 30)  [shape]
print(h.shape)
