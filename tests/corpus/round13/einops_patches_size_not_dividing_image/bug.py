"""einops' rearrange tests refuse a composed axis that does not divide: ViT patches of 4x4
from a 30x30 image; the image was resized to 30 instead of 32."""
import typedflux as tf
from typedflux import Dense

B, C, P = 2, 3, 4
img = tf.randn(B, C, 30, 30)
patches = tf.rearrange(img, "b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=P, p2=P)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[2, 3, 30, 30], pattern "b c (h p1) (w p2) -> b (h w) (p1 p2 c)" with p1=4, p2=4; need 30 divisible by 4 to split axis 2 into (h p1) (30 % 4 = 2)  [shape]
embed = Dense(P * P * C, 32)
print(embed(patches).shape)
