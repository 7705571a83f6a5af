"""MAE's unpatchify: tokens back to an image; the grid height given does not divide the
number of patches."""
import typedflux as tf

tokens = tf.randn(2, 16, 48)
img = tf.rearrange(tokens, "b (h w) (p q c) -> b c (h p) (w q)", h=3, p=4, q=4)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 16, 48], pattern "b (h w) (p q c) -> b c (h p) (w q)" with h=3, p=4, q=4; need 16 divisible by 3 to split axis 1 into (h w) (16 % 3 = 1)  [shape]
print(img.shape)
