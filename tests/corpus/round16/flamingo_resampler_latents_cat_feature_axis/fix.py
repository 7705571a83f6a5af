"""Flamingo's Perceiver resampler: the learned latents attend to the media tokens and to
themselves, so keys and values are the media and the latents joined along the token axis;
they were joined along the features."""
import typedflux as tf
from typedflux import MultiHeadAttention

B, T, L, D = 2, 20, 8, 32
media = tf.randn(B, T, D)
latents = tf.tile(tf.randn(1, L, D), B, 1, 1)
attn = MultiHeadAttention(D, 4)
kv = tf.cat(media, latents, axis=1)
out = latents + attn(latents, kv, kv)
print(out.shape)
