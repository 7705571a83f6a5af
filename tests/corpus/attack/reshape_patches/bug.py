"""(ViT) cutting a 32x32 image into 6x6 patches: 32 is not a multiple of 6."""
import typedflux as tf

P = 6
img = tf.randn(2, 3, 32, 32)
patches = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 3, 32, 32], pattern "b c (h p1) (w p2) -> b (h w) (p1 p2 c)" with p1=6, p2=6; need 32 divisible by 6 to split axis 2 into (h p1) (32 % 6 = 2)  [shape]
print(patches.shape)
