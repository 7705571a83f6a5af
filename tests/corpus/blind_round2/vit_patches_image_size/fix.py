"""ViT patches of 32 from a 200-pixel image: the image does not divide into patches."""
import typedflux as tf

images = tf.randn(2, 3, 224, 224)
patches = tf.rearrange(images, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=32, p2=32)
print(patches.shape)
