"""MAE's unpatchify: tokens back to an image; the grid height given does not divide the
number of patches."""
import typedflux as tf

tokens = tf.randn(2, 16, 48)
img = tf.rearrange(tokens, "b (h w) (p q c) -> b c (h p) (w q)", h=4, p=4, q=4)
print(img.shape)
