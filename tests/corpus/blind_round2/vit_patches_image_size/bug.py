"""ViT patches of 32 from a 200-pixel image: the image does not divide into patches."""
import typedflux as tf

images = tf.randn(2, 3, 200, 200)
patches = tf.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=32, p2=32)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 3, 200, 200], pattern "b c (h p1) (w p2) -> b (h w) (p1 p2 c)" with p1=32, p2=32; need 200 divisible by 32 to split axis 2 into (h p1) (200 % 32 = 8)  [shape]
print(patches.shape)
