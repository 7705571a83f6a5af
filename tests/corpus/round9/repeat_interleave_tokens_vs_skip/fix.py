"""Upsampling a token sequence by repeating each token (a duration model's length regulator)
before adding the frame-level skip; each token was repeated 2 times for 3 frames per token."""
import typedflux as tf

tokens = tf.randn(2, 10, 16)
frames = tf.randn(2, 30, 16)
upsampled = tf.repeat_interleave(tokens, 3, axis=1)
h = upsampled + frames
print(h.shape)
