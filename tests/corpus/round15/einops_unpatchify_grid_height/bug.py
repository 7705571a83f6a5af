"""einops' test style: patches back to an image, "b (h w) (p q c) -> b c (h p) (w q)"; the
image is 24x24 (a 3x3 grid of 8x8 patches) but the grid height was written for 32x32."""
import typedflux as tf

patches = tf.randn(2, 9, 8 * 8 * 3)
image = tf.rearrange(patches, "b (h w) (p q c) -> b c (h p) (w q)", h=4, p=8, q=8)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 9, 192], pattern "b (h w) (p q c) -> b c (h p) (w q)" with h=4, p=8, q=8; need 9 divisible by 4 to split axis 1 into (h w) (9 % 4 = 1)  [shape]
print(image.shape)
