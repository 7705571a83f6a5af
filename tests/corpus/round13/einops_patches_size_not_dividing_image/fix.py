"""einops' rearrange tests refuse a composed axis that does not divide: ViT patches of 4x4
from a 30x30 image; the image was resized to 30 instead of 32."""
import typedflux as tf
from typedflux import Dense

B, C, P = 2, 3, 4
img = tf.randn(B, C, 32, 32)
patches = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)
embed = Dense(P * P * C, 32)
print(embed(patches).shape)
