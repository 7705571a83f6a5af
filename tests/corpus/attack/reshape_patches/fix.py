"""(ViT) cutting a 32x32 image into 6x6 patches: 32 is not a multiple of 6."""
import typedflux as tf

P = 8
img = tf.randn(2, 3, 32, 32)
patches = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
print(patches.shape)
