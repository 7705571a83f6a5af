"""einops' test style: patches back to an image, "b (h w) (p q c) -> b c (h p) (w q)"; the
image is 24x24 (a 3x3 grid of 8x8 patches) but the grid height was written for 32x32."""
import typedflux as tf

patches = tf.randn(2, 9, 8 * 8 * 3)
image = tf.rearrange(patches, "b (h w) (p q c) -> b c (h p) (w q)", h=3, p=8, q=8)
print(image.shape)
